using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>Everything a policy is built from, already validated by the host.</summary>
public sealed record PolicyContext(LatencyModel Estimate, IWallClock Clock, OnlineSolverSettings Solver)
{
    /// <summary>
    /// The offline strategy matrix of estimates equal to <see cref="Estimate"/>, when the host shares one between runs;
    /// null: the policy builds it from <see cref="Estimate"/>.
    /// </summary>
    public StrategyMatrix? Matrix { get; init; }

    /// <summary>The run's seed: the random-drop policy draws from its own stream of it.</summary>
    public ulong Seed { get; init; }

    /// <summary>The engine's workers, whose capacity the periodic planners share out.</summary>
    public int Workers { get; init; } = 1;

    public InfaasSettings Infaas { get; init; } = new();

    public ProteusSettings Proteus { get; init; } = new();
}
