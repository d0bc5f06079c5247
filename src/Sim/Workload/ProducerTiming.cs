namespace Mosel.Sim.Workload;

/// <summary>
/// The reference producer's clock: after each job it sleeps <c>size / qps − Adjust</c> and its own per-job work takes
/// <c>Overhead</c>, so a nominal second lasts <c>1 − jobs × (Adjust − Overhead)</c>. With the defaults (3 ms subtracted,
/// 0.8 ms of work) it offers a few per cent more than the nominal rate, as the authors' producer was measured to.
/// </summary>
public sealed record ProducerTiming(double AdjustSeconds, double OverheadSeconds)
{
    public const double DefaultAdjustMs = 3;
    public const double DefaultOverheadMs = 0.8;

    public static ProducerTiming Default { get; } = new(DefaultAdjustMs / 1000, DefaultOverheadMs / 1000);

    /// <summary>Sizes alone set the gaps: a second lasts exactly one second.</summary>
    public static ProducerTiming Exact { get; } = new(0, 0);

    /// <summary>Time from one job's creation to the next one's; never negative (the reference would crash on a negative sleep).</summary>
    public double Gap(int size, int requestsThisSecond) =>
        Math.Max(0, ((double)size / requestsThisSecond) - AdjustSeconds) + OverheadSeconds;
}
