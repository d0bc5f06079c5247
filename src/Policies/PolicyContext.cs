using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>Everything a policy is built from, already validated by the host.</summary>
public sealed record PolicyContext(
    ModelProfile Profile,
    LatencyModel Estimate,
    IWallClock Clock,
    OnlineSolverSettings Solver);

/// <summary>Knobs of the online re-optimisation.</summary>
public sealed record OnlineSolverSettings
{
    /// <summary>T = Margin x (sum of the affected jobs' current latencies + the violator's slack).</summary>
    public double Margin { get; init; } = 0.91;

    public OnlineSolverKind Kind { get; init; } = OnlineSolverKind.Exact;

    public double TimeLimitSeconds { get; init; } = 0.1;

    /// <summary>Latency grid step of the exact solver: budgets are exact up to this resolution.</summary>
    public double ResolutionSeconds { get; init; } = 10e-6;

    public double GraceSeconds { get; init; } = 0.012;
}

public enum OnlineSolverKind
{
    Exact,
    OrTools,
}
