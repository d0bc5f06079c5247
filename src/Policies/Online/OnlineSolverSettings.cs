namespace Mosel.Policies.Online;

/// <summary>Knobs of the online re-optimisation; the defaults are declared here once, in the units a config writes them.</summary>
public sealed record OnlineSolverSettings
{
    /// <summary>The reference code's budget margin.</summary>
    public const double DefaultMargin = 0.91;
    public const double DefaultTimeLimitMs = 100;
    public const double DefaultResolutionUs = 10;

    /// <summary>T = Margin x (sum of the affected jobs' current latencies + the violator's slack).</summary>
    public double Margin { get; init; } = DefaultMargin;

    public OnlineSolverKind Kind { get; init; } = OnlineSolverKind.Exact;

    public double TimeLimitSeconds { get; init; } = DefaultTimeLimitMs / 1000;

    /// <summary>
    /// OR-Tools stops on its deterministic time (the same amount of work on every machine and run) instead of
    /// wall seconds: for runs whose decisions are not timed, so the same seed gives the same plans.
    /// </summary>
    public bool DeterministicTimeLimit { get; init; }

    /// <summary>Latency grid step of the exact solver: budgets are exact up to this resolution.</summary>
    public double ResolutionSeconds { get; init; } = DefaultResolutionUs / 1e6;
}
