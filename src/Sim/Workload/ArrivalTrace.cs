namespace Mosel.Sim.Workload;

/// <summary>
/// An arrival-rate series: <see cref="Rates"/>[i] requests per second hold over
/// [i * BinSeconds, (i + 1) * BinSeconds). Coarse traces keep their own bin width until shaped.
/// </summary>
public sealed class ArrivalTrace
{
    /// <summary>The longest trace Mosel replays: a year of per-second rates (256 MB), far beyond the 22-day traces in traces/.</summary>
    public const double MaxDurationSeconds = 366 * 86_400;

    public ArrivalTrace(string source, double binSeconds, double[] rates)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binSeconds);
        if (rates.Length == 0)
        {
            throw new ArgumentException("a trace needs at least one value", nameof(rates));
        }
        Source = source;
        BinSeconds = binSeconds;
        Rates = rates;
    }

    public string Source { get; }

    public double BinSeconds { get; }

    public IReadOnlyList<double> Rates { get; }

    public double DurationSeconds => Rates.Count * BinSeconds;

    /// <summary>The rate in force at <paramref name="seconds"/> from the start of the trace.</summary>
    public double RateAt(double seconds)
    {
        int bin = (int)Math.Floor(seconds / BinSeconds);
        return Rates[Math.Clamp(bin, 0, Rates.Count - 1)];
    }
}
