using Mosel.Experiments.Configuration;

namespace Mosel.Experiments.Output;

/// <summary>One headline metric of one run, measured by profile replay and by real execution.</summary>
public sealed record FidelityRow(RunSpec Run, SummaryColumn Metric, double Replay, double Real)
{
    /// <summary>|real - replay| / |replay|; when the replay value is 0, the absolute difference.</summary>
    public double RelativeError => Replay == 0 ? Math.Abs(Real) : Math.Abs(Real - Replay) / Math.Abs(Replay);

    public double AbsoluteDifference => Math.Abs(Real - Replay);
}
