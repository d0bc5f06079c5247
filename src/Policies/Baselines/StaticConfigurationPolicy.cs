using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Baselines;

/// <summary>
/// One configuration for every request, in one precision, in EDF order, and nothing is ever re-planned. <c>none</c> is
/// every modality at fp32 and <c>fp16</c> at fp16 (the paper's baselines); <c>static:CONFIGURATION</c> any other
/// configuration, the floor an adaptive policy must beat.
/// </summary>
public sealed class StaticConfigurationPolicy : ISchedulingPolicy
{
    private readonly UniformStrategies _strategies;
    private readonly int _configuration;

    public StaticConfigurationPolicy(string name, LatencyModel estimate, int configuration = ModelProfile.FullConfigurationIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(configuration);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(configuration, estimate.ConfigurationCount);
        Name = name;
        Precision = estimate.Precision;
        _strategies = new UniformStrategies(estimate);
        _configuration = configuration;
    }

    public string Name { get; }

    public Precision Precision { get; }

    public PolicyHooks Hooks => PolicyHooks.None;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _strategies.Of(_configuration, size);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
}
