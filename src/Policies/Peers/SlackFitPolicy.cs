using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// After SuperServe's SlackFit (Khare et al., NSDI 2025): when the worker takes the head job, run it with the most accurate
/// configuration whose latency for the job's size fits in the job's remaining slack (deadline - now); when none fits, the
/// fastest. Reactive: no look-ahead at the jobs behind, no per-job accuracy target. Every job waits at the most accurate
/// configuration until then.
/// </summary>
public sealed class SlackFitPolicy : ISchedulingPolicy
{
    private readonly UniformStrategies _strategies;
    // Configurations from the most to the least accurate (ties: the faster first), so the first that fits is the choice.
    private readonly int[] _byAccuracy;

    public SlackFitPolicy(string name, LatencyModel estimate)
    {
        Name = name;
        _strategies = new UniformStrategies(estimate);
        IReadOnlyList<ModalityConfiguration> configurations = estimate.Profile.Configurations;
        _byAccuracy = Enumerable.Range(0, configurations.Count)
            .OrderByDescending(c => configurations[c].Accuracy)
            .ThenBy(c => estimate.Seconds(c, 1))
            .ToArray();
    }

    public string Name { get; }

    public Precision Precision => _strategies.Estimate.Precision;

    public PolicyHooks Hooks => PolicyHooks.Dispatch;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _strategies.Of(_byAccuracy[0], size);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot)
    {
        Strategy choice = Choose(job.Size, job.DeadlineSeconds - snapshot.NowSeconds);
        return ReferenceEquals(choice, job.Strategy)
            ? PolicyDecision.Unchanged
            : new PolicyDecision(DecisionPath.SlackFit, [new StrategyChange(job, choice)], []);
    }

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    /// <summary>The most accurate uniform strategy of the size that fits in the slack; the fastest when none does.</summary>
    public Strategy Choose(int size, double slackSeconds)
    {
        Strategy? fastest = null;
        foreach (int c in _byAccuracy)
        {
            Strategy strategy = _strategies.Of(c, size);
            if (strategy.EstimatedSeconds <= slackSeconds)
            {
                return strategy;
            }
            if (fastest is null || strategy.EstimatedSeconds < fastest.EstimatedSeconds)
            {
                fastest = strategy;
            }
        }
        return fastest!;
    }
}
