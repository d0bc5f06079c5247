using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>
/// Starts every job on the all-modality configuration and answers each hook from a script keyed by the job id (arrival,
/// dispatch) or the tick's time; records when ticks came and what each worker's free time looked like on each arrival.
/// </summary>
internal sealed class ScriptedPolicy(LatencyModel estimate) : ISchedulingPolicy
{
    public Dictionary<int, Func<Job, SchedulerSnapshot, PolicyDecision>> OnArrivalOf { get; } = [];

    public Dictionary<int, Func<Job, SchedulerSnapshot, PolicyDecision>> OnDispatchOf { get; } = [];

    public Func<SchedulerSnapshot, PolicyDecision> Tick { get; set; } = _ => PolicyDecision.Unchanged;

    public List<double> TickTimes { get; } = [];

    public List<double[]> WorkerFreeAtOnArrival { get; } = [];

    public string Name => "scripted";

    public Precision Precision => estimate.Precision;

    public Strategy InitialStrategy(int size, double targetAccuracy) => Strategy.Uniform(ModelProfile.FullConfigurationIndex, size, estimate);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot)
    {
        WorkerFreeAtOnArrival.Add(snapshot.WorkerFreeAtSeconds.ToArray());
        return OnArrivalOf.TryGetValue(job.Id, out Func<Job, SchedulerSnapshot, PolicyDecision>? answer) ? answer(job, snapshot) : PolicyDecision.Unchanged;
    }

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) =>
        OnDispatchOf.TryGetValue(job.Id, out Func<Job, SchedulerSnapshot, PolicyDecision>? answer) ? answer(job, snapshot) : PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot)
    {
        TickTimes.Add(snapshot.NowSeconds);
        return Tick(snapshot);
    }
}
