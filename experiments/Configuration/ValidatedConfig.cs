using Mosel.Policies;
using Mosel.Policies.Online;
using Mosel.Sim.Engine;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// A config whose every key has been checked on its own and against the others, without reading any other file
/// or loading any library: <see cref="ConfigResolver"/> does that next.
/// </summary>
public sealed record ValidatedConfig(string Name, string SourcePath, ExperimentOptions Options, string ProfilePath, IReadOnlyList<string> Policies,
    IReadOnlyList<int> Seeds, WorkloadPlan Workload, SimulationSettings Settings, OnlineSolverSettings Solver, ExecutorPlan Executor, bool JobRecords);
