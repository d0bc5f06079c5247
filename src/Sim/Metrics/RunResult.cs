namespace Mosel.Sim.Metrics;

/// <summary>What one simulation returns: the summary, the window series and the distributions.</summary>
public sealed record RunResult(
    RunSummary Summary,
    IReadOnlyList<WindowStats> Windows,
    IReadOnlyList<long> JobAccuracyHistogram,
    IReadOnlyList<double> ConfigurationAccuracies,
    IReadOnlyList<string> ConfigurationNames)
{
    /// <summary>Bins of <see cref="JobAccuracyHistogram"/>: bin i counts finished requests whose job served accuracy in [i, i+1) / Bins.</summary>
    public const int AccuracyBins = 1000;
}
