namespace Mosel.Sim.Metrics;

/// <summary>
/// What one simulation returns: the summary, the window series, and the served-accuracy distribution: finished requests
/// per distinct job accuracy, ascending (exact values, not bins: a job's accuracy is a mean over few configurations, so
/// there are few distinct values, and a CDF steps where the accuracies really are).
/// </summary>
public sealed record RunResult(
    RunSummary Summary,
    IReadOnlyList<WindowStats> Windows,
    IReadOnlyList<AccuracyMass> JobAccuracyDistribution,
    IReadOnlyList<double> ConfigurationAccuracies,
    IReadOnlyList<string> ConfigurationNames);
