using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Baselines;

/// <summary>
/// The modality-agnostic baseline: every request uses every modality, in one precision, in EDF order,
/// and nothing is ever re-planned. <c>none</c> is this at fp32, <c>fp16</c> at fp16.
/// </summary>
public sealed class AllModalitiesPolicy : ISchedulingPolicy
{
    private readonly Strategy[] _bySize;

    public AllModalitiesPolicy(string name, LatencyModel estimate)
    {
        Name = name;
        Precision = estimate.Precision;
        _bySize = new Strategy[estimate.MaxBatchSize + 1];
        for (int size = 1; size <= estimate.MaxBatchSize; size++)
        {
            _bySize[size] = Strategy.Uniform(ModelProfile.FullConfigurationIndex, size, estimate);
        }
    }

    public string Name { get; }

    public Precision Precision { get; }

    public PolicyHooks Hooks => PolicyHooks.None;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _bySize[size];

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
}
