using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// What a naive deployment would do: each request drops one modality (a configuration with one modality fewer than the
/// full set, chosen uniformly) with probability p, tuned offline from the profile so that a job's expected accuracy equals
/// its target: p = (a_full - target) / (a_full - mean accuracy of the one-fewer configurations), clamped to [0, 1]. It
/// never looks at the load: it gives up accuracy when the queue is empty and saves too little when it is long.
/// </summary>
public sealed class RandomDropPolicy : ISchedulingPolicy
{
    private readonly LatencyModel _estimate;
    private readonly UniformStrategies _strategies;
    private readonly Random _random;
    private readonly int[] _fewer;
    private readonly double _fullAccuracy;
    private readonly double _fewerAccuracy;

    public RandomDropPolicy(string name, LatencyModel estimate, Random random)
    {
        Name = name;
        _estimate = estimate;
        _strategies = new UniformStrategies(estimate);
        _random = random;
        IReadOnlyList<ModalityConfiguration> configurations = estimate.Profile.Configurations;
        ModalityConfiguration full = configurations[ModelProfile.FullConfigurationIndex];
        _fewer = Enumerable.Range(0, configurations.Count).Where(c => configurations[c].Modalities.Count == full.Modalities.Count - 1).ToArray();
        _fullAccuracy = full.Accuracy;
        _fewerAccuracy = _fewer.Length == 0 ? double.NaN : _fewer.Average(c => configurations[c].Accuracy);
    }

    public string Name { get; }

    public Precision Precision => _estimate.Precision;

    public PolicyHooks Hooks => PolicyHooks.None;

    /// <summary>The chance that a request of a job with this target drops a modality.</summary>
    public double DropProbability(double targetAccuracy)
    {
        if (_fewer.Length == 0)
        {
            return 0;
        }
        double gap = _fullAccuracy - _fewerAccuracy;
        // Dropping costs nothing (or gains): a deployment tuned on accuracy alone would always drop.
        return gap <= 0 ? 1 : Math.Clamp((_fullAccuracy - targetAccuracy) / gap, 0, 1);
    }

    public Strategy InitialStrategy(int size, double targetAccuracy)
    {
        double p = DropProbability(targetAccuracy);
        if (p == 0)
        {
            return _strategies.Of(ModelProfile.FullConfigurationIndex, size);
        }
        var counts = new int[_estimate.ConfigurationCount];
        for (int r = 0; r < size; r++)
        {
            counts[_random.NextDouble() < p ? _fewer[_random.Next(_fewer.Length)] : ModelProfile.FullConfigurationIndex]++;
        }
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == size)
            {
                return _strategies.Of(c, size);
            }
        }
        return new Strategy(counts, Strategy.MeanAccuracy(counts, _estimate.Profile), _estimate.StrategySeconds(counts));
    }

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
}
