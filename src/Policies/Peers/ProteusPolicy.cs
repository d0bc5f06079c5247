using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// After Proteus (Ahmad et al., ASPLOS 2024): once per period it predicts the next period's request rate (an exponentially
/// weighted average of the measured rates) and solves <see cref="ConfigurationMix"/> for the mix of configurations that
/// serves that rate within <see cref="ProteusSettings.Utilisation"/> of the workers' time at the highest mean accuracy.
/// Each arriving job goes whole to the configuration of the mix furthest below its share of the requests so far (a
/// deterministic weighted round robin), and keeps it. No per-job accuracy target; one pool of identical workers instead
/// of Proteus's heterogeneous cluster, and its MILP's placement part has nothing to place.
/// </summary>
public sealed class ProteusPolicy : ISchedulingPolicy
{
    private readonly UniformStrategies _strategies;
    private readonly ProteusSettings _settings;
    private readonly int _workers;
    private readonly double[] _accuracy;
    private readonly PeriodMeter _meter;
    private double[] _mix;
    private readonly long[] _assigned;
    private long _assignedTotal;
    private double _predictedRate = double.NaN;

    public ProteusPolicy(string name, LatencyModel estimate, ProteusSettings settings, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Name = name;
        _strategies = new UniformStrategies(estimate);
        _settings = settings;
        _workers = workers;
        _accuracy = estimate.Profile.Configurations.Select(c => c.Accuracy).ToArray();
        _meter = new PeriodMeter(settings.PeriodSeconds);
        // Before the first period closes nothing is measured: the most accurate configuration, as with no load.
        _mix = ConfigurationMix.Solve(_accuracy, new double[_accuracy.Length], 0, 1);
        _assigned = new long[_accuracy.Length];
    }

    public string Name { get; }

    public Precision Precision => _strategies.Estimate.Precision;

    public PolicyHooks Hooks => PolicyHooks.Arrival;

    /// <summary>The current shares of the requests per configuration.</summary>
    public IReadOnlyList<double> Mix => _mix;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _strategies.Of(Assign(size), size);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot)
    {
        long closed = _meter.Advance(snapshot.NowSeconds);
        _meter.Count(job.Size);
        if (closed == 0 || !Replan(closed))
        {
            return PolicyDecision.Unchanged;
        }
        // The mix changed under this job, which InitialStrategy assigned by the old one: assign it afresh.
        Strategy strategy = _strategies.Of(Assign(job.Size), job.Size);
        return ReferenceEquals(strategy, job.Strategy)
            ? PolicyDecision.Unchanged
            : new PolicyDecision(DecisionPath.Mix, [new StrategyChange(job, strategy)], []);
    }

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    /// <summary>Predicts the rate from the periods just closed and solves the mix; true when it changed (the tally restarts).</summary>
    private bool Replan(long closed)
    {
        double alpha = _settings.Smoothing;
        double measured = _meter.LastRatePerSecond;
        _predictedRate = double.IsNaN(_predictedRate) ? measured : (alpha * measured) + ((1 - alpha) * _predictedRate);
        // The later closed periods were empty: each one decays the prediction.
        _predictedRate *= Math.Pow(1 - alpha, closed - 1);
        int size = ConfigurationLadder.TypicalSize(_strategies.Estimate, _meter.MeanJobSize);
        double[] perRequest = Enumerable.Range(0, _accuracy.Length).Select(c => _strategies.Estimate.Seconds(c, size) / size).ToArray();
        double[] mix = ConfigurationMix.Solve(_accuracy, perRequest, _predictedRate, _settings.Utilisation * _workers);
        if (mix.AsSpan().SequenceEqual(_mix))
        {
            return false;
        }
        _mix = mix;
        Array.Clear(_assigned);
        _assignedTotal = 0;
        return true;
    }

    /// <summary>The configuration of the mix furthest below its share once this job's requests are counted (ties: the lower index).</summary>
    private int Assign(int size)
    {
        int choice = -1;
        double deficit = double.NegativeInfinity;
        for (int c = 0; c < _mix.Length; c++)
        {
            if (_mix[c] <= 0)
            {
                continue;
            }
            double below = (_mix[c] * (_assignedTotal + size)) - _assigned[c];
            if (below > deficit)
            {
                (deficit, choice) = (below, c);
            }
        }
        _assigned[choice] += size;
        _assignedTotal += size;
        return choice;
    }
}
