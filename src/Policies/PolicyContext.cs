using Mosel.Policies.Online;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>Everything a policy is built from, already validated by the host.</summary>
public sealed record PolicyContext(LatencyModel Estimate, IWallClock Clock, OnlineSolverSettings Solver);
