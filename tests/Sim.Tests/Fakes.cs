using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>Every job runs with the all-modality configuration; never re-planned.</summary>
internal sealed class AllModalitiesTestPolicy(LatencyModel estimate) : ISchedulingPolicy
{
    public string Name => "test";

    public Precision Precision => estimate.Precision;

    public Strategy InitialStrategy(int size, double targetAccuracy) => Strategy.Uniform(0, size, estimate);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
}


/// <summary>Keeps every record in memory.</summary>
internal sealed class ListRecorder : IRunRecorder
{
    public List<JobRecord> Jobs { get; } = new();

    public List<DecisionRecord> Decisions { get; } = new();

    public void Job(in JobRecord record) => Jobs.Add(record);

    public void Decision(in DecisionRecord record) => Decisions.Add(record);
}
