using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// After INFaaS's variant autoscaling (Romero et al., USENIX ATC 2021): the whole stream runs one configuration, and a
/// controller moves it along the <see cref="ConfigurationLadder"/> once per period from what it measured in the last
/// one: the request rate (against each configuration's capacity at the stream's mean job size) and the share of
/// dispatched requests that would miss their deadline. It moves down (faster) at once when the load passes
/// <see cref="InfaasSettings.DowngradeUtilisation"/> of the current capacity or violations pass
/// <see cref="InfaasSettings.ViolationShare"/>, and up one step only after <see cref="InfaasSettings.HysteresisPeriods"/>
/// calm periods in a row in which the more accurate step would stay under <see cref="InfaasSettings.UpgradeUtilisation"/>.
/// A job runs the configuration that is current when the worker takes it; no per-job accuracy target.
/// </summary>
public sealed class InfaasPolicy : ISchedulingPolicy
{
    private readonly UniformStrategies _strategies;
    private readonly InfaasSettings _settings;
    private readonly int _workers;
    private readonly int[] _ladder;
    private readonly PeriodMeter _meter;
    private int _level;
    private int _calmPeriods;
    private long _dispatchedRequests;
    private long _missingRequests;

    public InfaasPolicy(string name, LatencyModel estimate, InfaasSettings settings, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Name = name;
        _strategies = new UniformStrategies(estimate);
        _settings = settings;
        _workers = workers;
        _ladder = ConfigurationLadder.Build(estimate);
        _meter = new PeriodMeter(settings.PeriodSeconds);
    }

    public string Name { get; }

    public Precision Precision => _strategies.Estimate.Precision;

    public PolicyHooks Hooks => PolicyHooks.Arrival | PolicyHooks.Dispatch;

    /// <summary>The configuration the stream runs now.</summary>
    public int Configuration => _ladder[_level];

    public Strategy InitialStrategy(int size, double targetAccuracy) => _strategies.Of(Configuration, size);

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot)
    {
        Advance(snapshot.NowSeconds);
        _meter.Count(job.Size);
        return PolicyDecision.Unchanged;
    }

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot)
    {
        Advance(snapshot.NowSeconds);
        Strategy current = _strategies.Of(Configuration, job.Size);
        _dispatchedRequests += job.Size;
        if (snapshot.NowSeconds + current.EstimatedSeconds > job.DeadlineSeconds)
        {
            _missingRequests += job.Size;
        }
        return ReferenceEquals(current, job.Strategy)
            ? PolicyDecision.Unchanged
            : new PolicyDecision(DecisionPath.Controller, [new StrategyChange(job, current)], []);
    }

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    private void Advance(double now)
    {
        long closed = _meter.Advance(now);
        if (closed == 0)
        {
            return;
        }
        double missing = _dispatchedRequests == 0 ? 0 : (double)_missingRequests / _dispatchedRequests;
        _dispatchedRequests = 0;
        _missingRequests = 0;
        Control(_meter.LastRatePerSecond, missing);
        // The periods after the first were empty; past a full climb of the ladder more of them change nothing.
        long empty = Math.Min(closed - 1, (long)_ladder.Length * _settings.HysteresisPeriods);
        for (long k = 0; k < empty; k++)
        {
            Control(0, 0);
        }
    }

    private void Control(double rate, double missingShare)
    {
        double meanSize = _meter.MeanJobSize;
        double Utilisation(int level) => rate / ConfigurationLadder.Capacity(_strategies.Estimate, _ladder[level], meanSize, _workers);
        int fits = _ladder.Length - 1;
        for (int level = 0; level < _ladder.Length; level++)
        {
            if (Utilisation(level) <= _settings.DowngradeUtilisation)
            {
                fits = level;
                break;
            }
        }
        int down = Math.Min(_ladder.Length - 1, Math.Max(fits, missingShare > _settings.ViolationShare ? _level + 1 : _level));
        if (down > _level)
        {
            _level = down;
            _calmPeriods = 0;
            return;
        }
        if (_level > 0 && missingShare <= _settings.ViolationShare && Utilisation(_level - 1) <= _settings.UpgradeUtilisation)
        {
            if (++_calmPeriods >= _settings.HysteresisPeriods)
            {
                _level--;
                _calmPeriods = 0;
            }
            return;
        }
        _calmPeriods = 0;
    }
}
