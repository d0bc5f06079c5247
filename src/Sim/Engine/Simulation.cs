using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Engine;

/// <summary>
/// One discrete-event run: jobs arrive from the source, wait in an EDF queue, and run on
/// <see cref="SimulationSettings.Workers"/> workers through the executor while the policy re-plans them.
/// </summary>
public sealed class Simulation : ISimulation
{
    private readonly SimulationSettings _settings;
    private readonly ISchedulingPolicy _policy;
    private readonly IArrivalSource _arrivals;
    private readonly LatencyModel _deadlineLatency;
    private readonly IWallClock _clock;
    private readonly IRunRecorder? _recorder;
    private readonly ITimeDriver _time;
    private readonly PolicyHooks _hooks;

    // The same driver as _time in a live replay, whose completions come from the host; null in simulated time, where
    // completions are events.
    private readonly LiveTime? _live;
    private readonly EventQueue _events = new();
    private readonly EdfQueue _queue = new();
    private readonly Job?[] _running;
    private readonly SchedulerSnapshot _snapshot;
    private readonly MetricsCollector _metrics;
    // The next arrival waits beside the event queue, not in it: there is only ever one, and keeping a third of all
    // events out of the heap is a measurable share of a run. It fires where the queue's order (time, then kind) puts it.
    // _arrivalDue: an arrival was read from the source and has not fired yet; false once the source is drained.
    private JobArrival _pendingArrival;
    private bool _arrivalDue;
    private int _nextJobId;
    private double _now;
    private double _schedulerFreeAt;
    private bool _schedulerWakeScheduled;
    private bool _tickScheduled;
    private int _busyWorkers;

    /// <param name="deadlineLatency">True latencies in the policy's precision: deadlines come from the all-modality latency.</param>
    /// <param name="live">Null: the simulated clock (virtual time; real or replayed service times). Otherwise a live
    /// replay: arrivals wait for the host's clock and jobs run concurrently with the scheduler.</param>
    public Simulation(SimulationSettings settings, ISchedulingPolicy policy, IExecutor executor, IArrivalSource arrivals,
        LatencyModel deadlineLatency, IWallClock clock, IRunRecorder? recorder = null, IRealTimeService? live = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Workers, 1);
        _live = live is null ? null : new LiveTime(live);
        _time = _live ?? (ITimeDriver)new VirtualTime(executor);
        _settings = settings;
        _policy = policy;
        _hooks = policy.Hooks;
        _arrivals = arrivals;
        _deadlineLatency = deadlineLatency;
        _clock = clock;
        _recorder = recorder;
        _running = new Job?[settings.Workers];
        _snapshot = new SchedulerSnapshot(_queue, settings.Workers);
        _metrics = new MetricsCollector(deadlineLatency.Profile, settings.WindowSeconds);
    }

    public RunResult Run()
    {
        ScheduleNextArrival();
        _time.Begin();
        double stopAt = _arrivals.EndSeconds + _settings.DrainSeconds;
        while (true)
        {
            if (CompletionFirst(stopAt))
            {
                continue;
            }
            if (!TryNextEvent(out SimEvent simEvent, out double time))
            {
                if (_time.Waits(_busyWorkers > 0, _now, stopAt))
                {
                    continue;
                }
                break;
            }
            if (time > stopAt)
            {
                break;
            }
            _now = _time.EventTime(time);
            _metrics.AdvanceTo(_now, _queue.Count);
            switch (simEvent.Kind)
            {
                case EventKind.Arrival:
                    Arrive();
                    break;
                case EventKind.WorkerDone:
                    Complete(simEvent.Argument);
                    break;
                case EventKind.SchedulerFree:
                    _schedulerWakeScheduled = false;
                    break;
                case EventKind.MonitorTick:
                    _tickScheduled = false;
                    Tick();
                    break;
            }
            TryDispatch();
        }
        return Finish();
    }

    /// <summary>Handles a job completion the time driver reports before the next scheduled event (live replay only).</summary>
    private bool CompletionFirst(double stopAt)
    {
        if (_live is null)
        {
            // Simulated time: completions are events, and looking ahead for the next one would be wasted on every event.
            return false;
        }
        double until = Math.Min(stopAt, TryPeekTime(out double next) ? next : double.PositiveInfinity);
        if (!_live.TryCompletion(until, _busyWorkers > 0, ref _now, out int worker, out double finish))
        {
            return false;
        }
        // The engine may have handled a later event before it read this completion: time never runs backwards.
        _now = Math.Max(_now, finish);
        _metrics.AdvanceTo(_now, _queue.Count);
        Job job = _running[worker] ?? throw new InvalidOperationException($"worker {worker} reported a completion without a job");
        job.FinishSeconds = finish;
        job.ActualServiceSeconds = finish - job.StartSeconds;
        Complete(worker);
        TryDispatch();
        return true;
    }

    private void ScheduleNextArrival()
    {
        _arrivalDue = _arrivals.TryNext(out _pendingArrival);
    }

    private bool TryNextEvent(out SimEvent simEvent, out double time)
    {
        if (ArrivalNext())
        {
            _arrivalDue = false;
            simEvent = new SimEvent(EventKind.Arrival, 0);
            time = _pendingArrival.ArrivalSeconds;
            return true;
        }
        return _events.TryDequeue(out simEvent, out time);
    }

    private bool TryPeekTime(out double time)
    {
        if (ArrivalNext())
        {
            time = _pendingArrival.ArrivalSeconds;
            return true;
        }
        return _events.TryPeek(out _, out time);
    }

    /// <summary>Whether the due arrival comes before the queue's head: earlier, or at the same time and of an earlier kind.</summary>
    private bool ArrivalNext() =>
        _arrivalDue && (!_events.TryPeek(out SimEvent head, out double headTime) || _pendingArrival.ArrivalSeconds < headTime
            || (_pendingArrival.ArrivalSeconds == headTime && EventKind.Arrival < head.Kind));

    private void Arrive()
    {
        JobArrival arrival = _pendingArrival;
        double deadline = Deadlines.For(arrival, _deadlineLatency, _settings.SlackSeconds);
        var job = new Job(_nextJobId++, arrival.ArrivalSeconds, arrival.Size, deadline, arrival.TargetAccuracy,
            _policy.InitialStrategy(arrival.Size, arrival.TargetAccuracy));
        _metrics.Submitted(job);
        _queue.Add(job);
        if ((_hooks & PolicyHooks.Arrival) != 0)
        {
            long started = _clock.GetTimestamp();
            Apply(_policy.OnArrival(job, Snapshot()), "arrival", started);
        }
        ScheduleNextArrival();
        EnsureTick();
    }

    private void Tick()
    {
        if ((_hooks & PolicyHooks.Tick) != 0)
        {
            long started = _clock.GetTimestamp();
            Apply(_policy.OnTick(Snapshot()), "tick", started);
        }
        EnsureTick();
    }

    private void EnsureTick()
    {
        if (_settings.MonitorIntervalSeconds > 0 && !_tickScheduled && (_arrivalDue || _queue.Count > 0))
        {
            _tickScheduled = true;
            _events.Schedule(_now + _settings.MonitorIntervalSeconds, new SimEvent(EventKind.MonitorTick, 0));
        }
    }

    private void Complete(int worker)
    {
        Job job = _running[worker] ?? throw new InvalidOperationException($"worker {worker} finished without a job");
        _running[worker] = null;
        _busyWorkers--;
        job.Outcome = job.FinishSeconds <= job.DeadlineSeconds ? JobOutcome.Met : JobOutcome.Late;
        Finalize(job);
    }

    private void TryDispatch()
    {
        while (_queue.Count > 0)
        {
            int worker = Array.IndexOf(_running, null);
            if (worker < 0)
            {
                return;
            }
            if (_now < _schedulerFreeAt)
            {
                if (!_schedulerWakeScheduled)
                {
                    _schedulerWakeScheduled = true;
                    _events.Schedule(_schedulerFreeAt, new SimEvent(EventKind.SchedulerFree, 0));
                }
                return;
            }
            Job job = _queue.PopHead();
            if ((_hooks & PolicyHooks.Dispatch) != 0)
            {
                long started = _clock.GetTimestamp();
                Apply(_policy.OnDispatch(job, Snapshot()), "dispatch", started);
                if (job.Outcome == JobOutcome.Dropped)
                {
                    continue;
                }
            }
            double estimate = job.Strategy.EstimatedSeconds;
            if (_now + estimate > job.DeadlineSeconds + _settings.GraceSeconds)
            {
                Drop(job);
                continue;
            }
            job.Outcome = JobOutcome.Running;
            job.StartSeconds = _now;
            job.EstimatedServiceSeconds = estimate;
            _running[worker] = job;
            _busyWorkers++;
            if (_time.Start(worker, job, _now, _policy.Precision) is double finish)
            {
                _events.Schedule(finish, new SimEvent(EventKind.WorkerDone, worker));
            }
        }
    }

    private SchedulerSnapshot Snapshot()
    {
        _snapshot.NowSeconds = _now;
        for (int w = 0; w < _running.Length; w++)
        {
            Job? job = _running[w];
            _snapshot.SetWorkerFreeAt(w, job is null ? _now : Math.Max(_now, job.StartSeconds + job.EstimatedServiceSeconds));
        }
        return _snapshot;
    }

    private void Apply(PolicyDecision decision, string trigger, long startedTimestamp)
    {
        if (decision.IsUnchanged)
        {
            return;
        }
        double wall = _clock.ElapsedSeconds(startedTimestamp);
        double charged = 0;
        if (decision.Path != DecisionPath.None)
        {
            charged = _settings.DecisionCharge switch
            {
                DecisionTimeCharge.Measured => wall,
                DecisionTimeCharge.Fixed => _settings.FixedDecisionSeconds,
                _ => 0,
            };
            _schedulerFreeAt = Math.Max(_schedulerFreeAt, _now) + charged;
            _metrics.Decided(decision.Path, wall, charged);
        }
        foreach (StrategyChange change in decision.Changes)
        {
            if (change.Strategy.Size != change.Job.Size)
            {
                throw new InvalidOperationException($"policy {_policy.Name} gave job {change.Job.Id} (size {change.Job.Size}) a strategy of size {change.Strategy.Size}");
            }
            if (!ReferenceEquals(change.Job.Strategy, change.Strategy))
            {
                change.Job.Strategy = change.Strategy;
                change.Job.LastDecision = decision.Path;
                change.Job.DecisionWallSeconds = wall;
                change.Job.Changes++;
            }
        }
        foreach (Job job in decision.Drops)
        {
            // Only waiting jobs can be dropped: a running micro-batch is not interrupted.
            if (job.Outcome == JobOutcome.Queued && _queue.Remove(job))
            {
                Drop(job);
            }
        }
        _recorder?.Decision(new DecisionRecord(_now, trigger, decision.Path, wall, charged, decision.Objective,
            decision.Changes.Count, decision.Drops.Count, _queue.Count, decision.ViolatorId,
            decision.Changes.Select(c => c.Job.Id).ToArray(), decision.Drops.Select(j => j.Id).ToArray()));
    }

    private void Drop(Job job)
    {
        job.Outcome = JobOutcome.Dropped;
        job.FinishSeconds = _now;
        Finalize(job);
    }

    private void Finalize(Job job)
    {
        _metrics.Finalized(job);
        Record(job);
    }

    private void Record(Job job)
    {
        _recorder?.Job(JobRecord.Of(job));
    }

    private RunResult Finish()
    {
        long queuedJobs = 0;
        long queuedRequests = 0;
        foreach (Job job in _queue.Concat(_running.OfType<Job>()))
        {
            queuedJobs++;
            queuedRequests += job.Size;
            Record(job);
        }
        return _metrics.Result(_arrivals.EndSeconds, _now, queuedJobs, queuedRequests, _queue.Count);
    }
}
