using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Reference;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// A config whose every key has been checked on its own and against the others, without reading any other file
/// or loading any library: <see cref="ConfigResolver"/> does that next. <c>Reference</c> is null for the ideal engine.
/// </summary>
public sealed record ValidatedConfig(string Name, string SourcePath, ExperimentOptions Options, string ProfilePath, IReadOnlyList<string> Policies,
    IReadOnlyList<int> Seeds, WorkloadPlan Workload, SimulationSettings Settings, OnlineSolverSettings Solver, ReferenceSettings? Reference, ExecutorPlan Executor, bool JobRecords, RecordsFormat RecordsFormat)
{
    public InfaasSettings Infaas { get; init; } = new();

    public ProteusSettings Proteus { get; init; } = new();
}
