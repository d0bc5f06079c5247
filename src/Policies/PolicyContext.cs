using Mosel.Policies.Offline;
using Mosel.Policies.Online;
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
}
