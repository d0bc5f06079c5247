using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Reference;

/// <summary>
/// MOSEL as its authors built it: a producer, a monitor loop and one worker with its own FIFO, on simulated time.
/// Each monitor iteration pulls up to 20 (maximize) or 30 new jobs, extending each deadline by the time it waited to be
/// pulled + 5 ms, dispatches the head of the previous iteration's EDF list into the worker's FIFO (where it can no longer
/// be re-planned), then — for maximize — runs the idle path, looks for a violator and re-plans, holding the monitor for
/// the solve time; then it sleeps by its policy's rule. The worker drops a job whose start + estimated latency is past
/// its extended deadline + grace and resets the shared backlog counter whenever its FIFO is empty.
/// The rules and their sources: ../shared/design/reference-behaviour.md and docs/engines.md.
/// </summary>
public sealed class ReferenceSimulation : ISimulation
{
    private readonly ReferenceSettings _settings;
    private readonly IReferencePlanner _planner;
    private readonly IExecutor _executor;
    private readonly IArrivalSource _arrivals;
    private readonly LatencyModel _deadlineLatency;
    private readonly IWallClock _clock;
    private readonly IRunRecorder? _recorder;
    private readonly ReferenceProducer _producer;
    private readonly MetricsCollector _metrics;
    private readonly EdfList _edf = new();
    private readonly Queue<ReferenceJob> _fifo = new();
    private readonly List<ReferenceJob> _pulled = new();
    private ReferenceJob? _running;
    private double _runningFinish = double.PositiveInfinity;
    private double _backlog;
    private double _lastStart;
    private bool _hasStart;
    private double _monitorWake;
    private bool _sleepPending;
    private double _dispatchedBacklog;
    private double _idleBudget;
    private double _now;
    private int _nextId;
    private int _nextWarmUpId = -100;

    /// <param name="deadlineLatency">True latencies in the policy's precision: deadlines come from the all-modality latency.</param>
    public ReferenceSimulation(ReferenceSettings settings, IReferencePlanner planner, IExecutor executor, IArrivalSource arrivals,
        LatencyModel deadlineLatency, IWallClock clock, IRunRecorder? recorder = null)
    {
        _settings = settings;
        _planner = planner;
        _executor = executor;
        _arrivals = arrivals;
        _deadlineLatency = deadlineLatency;
        _clock = clock;
        _recorder = recorder;
        _producer = new ReferenceProducer(arrivals, settings.WarmUpJobs, Math.Min(ReferenceSettings.WarmUpSize, deadlineLatency.MaxBatchSize));
        _metrics = new MetricsCollector(deadlineLatency.Profile, settings.WindowSeconds, _producer.StartSeconds + ReferenceTracer.StartSeconds);
    }

    public RunResult Run()
    {
        _monitorWake = _producer.StartSeconds;
        double stopAt = _arrivals.EndSeconds + _settings.DrainSeconds;
        while (true)
        {
            double time = Math.Min(_runningFinish, _monitorWake);
            bool workerFirst = _runningFinish <= _monitorWake;
            if (time > stopAt || (!workerFirst && Idle()))
            {
                break;
            }
            _now = time;
            _metrics.AdvanceTo(_now, _edf.Count + _fifo.Count);
            if (workerFirst)
            {
                WorkerFinished();
            }
            else if (_sleepPending)
            {
                GoToSleep();
            }
            else
            {
                Iterate();
            }
        }
        return Finish();
    }

    private bool Idle() => !_producer.Any && _edf.Count == 0 && _fifo.Count == 0 && _running is null;

    /// <summary>
    /// One loop iteration up to its sleep: pull, dispatch the head, and for maximize the idle path, <c>detect_delay</c> and
    /// the re-plan. The monitor goes to sleep once the iteration's work and any solve are over (<see cref="GoToSleep"/>).
    /// </summary>
    private void Iterate()
    {
        Pull();
        // The counter as the idle path reads it: right after this iteration's increment, before the worker can react. The
        // job just sent is still in the monitor's queue feeder (which needs the interpreter lock the monitor holds), so
        // the worker can neither drop it nor reset the counter in between.
        double counter = _backlog;
        _dispatchedBacklog = 0;
        if (_edf.Count > 0)
        {
            _dispatchedBacklog = Dispatch(_edf.RemoveAt(0));
            counter = _dispatchedBacklog;
        }
        foreach (ReferenceJob job in _pulled)
        {
            _edf.Insert(job);
        }
        double held = 0;
        _idleBudget = ReferenceSettings.IdleBudgetSeconds;
        if (_settings.Mode == ReferenceMode.Maximize)
        {
            if (counter <= 0)
            {
                _idleBudget = IdlePath();
            }
            int violator = DetectDelay(out double diff);
            if (violator >= 0)
            {
                held = Replan(violator, diff) + _settings.SolveOverheadSeconds;
            }
        }
        if (_settings.WorkerWaitsForMonitor && _running is null)
        {
            // The monitor blocks in the solve or sleeps next: only then does the feeder deliver this iteration's jobs
            // (the worker starts them now all the same; a re-plan changes only jobs still in the EDF list).
            WorkerTake();
        }
        _sleepPending = true;
        _monitorWake = _now + held + _settings.LoopSeconds;
    }

    /// <summary>The monitor sleeps by its mode's rule, reading the backlog and the last start as they are now, after any solve.</summary>
    private void GoToSleep()
    {
        _sleepPending = false;
        _monitorWake = _now + Sleep(_now, _dispatchedBacklog, _idleBudget);
        if (_edf.Count == 0 && _settings.SkipQuietIterations)
        {
            _monitorWake = SkipQuietIterations(_monitorWake);
        }
    }

    /// <summary>The sleep after an iteration that ended at <paramref name="awake"/>.</summary>
    private double Sleep(double awake, double dispatchedBacklog, double idleBudget)
    {
        if (_settings.Mode == ReferenceMode.NoPolicy)
        {
            // 0.75 x the backlog read right after this iteration's dispatch (it includes the job just sent, even one the
            // worker drops at once); the floor when nothing was sent.
            return Math.Max(_settings.SleepFloorSeconds, ReferenceSettings.NoPolicySleepShare * dispatchedBacklog);
        }
        double start = _hasStart ? _lastStart : awake + ReferenceSettings.IdleStartSeconds;
        double wait = _backlog - (awake - start);
        return Math.Max(_settings.SleepFloorSeconds, (ReferenceSettings.MaximizeSleepShare * wait) - idleBudget);
    }

    /// <summary>
    /// Iterations with nothing to pull and nothing queued change nothing but the wake time: jump over those that also go
    /// to sleep before the next job's creation or the worker's next completion (the sleep reads the worker's state),
    /// landing on the wake time the loop itself would reach.
    /// </summary>
    private double SkipQuietIterations(double wake)
    {
        double horizon = Math.Min(_producer.NextSeconds, _runningFinish);
        double loop = _settings.LoopSeconds;
        while (wake + loop < horizon && double.IsFinite(horizon))
        {
            double sleep = Sleep(wake + loop, 0, ReferenceSettings.IdleBudgetSeconds);
            double step = loop + sleep;
            if (sleep <= _settings.SleepFloorSeconds)
            {
                // At its floor the sleep stays there until the worker's state changes, which is at the horizon or later.
                return wake + (Math.Ceiling((horizon - wake - loop) / step) * step);
            }
            wake += step;
        }
        return wake;
    }

    private void Pull()
    {
        _pulled.Clear();
        while (_pulled.Count < _settings.PullCap && _producer.NextSeconds <= _now)
        {
            (JobArrival arrival, bool warmUp, double counted) = _producer.Take();
            ReferenceJob job = Create(arrival, warmUp, counted);
            job.Deadline += (_now - arrival.ArrivalSeconds) + ReferenceSettings.PullExtraSeconds;
            _pulled.Add(job);
        }
    }

    private ReferenceJob Create(JobArrival arrival, bool warmUp, double countedSeconds)
    {
        double deadline = warmUp
            ? arrival.ArrivalSeconds + ReferenceSettings.WarmUpDeadlineSeconds
            : Deadlines.For(arrival, _deadlineLatency, _settings.SlackSeconds);
        var job = new Job(warmUp ? _nextWarmUpId++ : _nextId++, arrival.ArrivalSeconds, arrival.Size, deadline, arrival.TargetAccuracy,
            _planner.StartingCell(arrival.Size));
        if (!warmUp)
        {
            _metrics.Submitted(job, countedSeconds);
        }
        return new ReferenceJob(job, warmUp);
    }

    /// <summary>Into the worker's FIFO, adding the job's estimate to the backlog; returns the backlog right after the increment.</summary>
    private double Dispatch(ReferenceJob job)
    {
        _backlog += job.Comp;
        double backlog = _backlog;
        _fifo.Enqueue(job);
        if (_running is null && !_settings.WorkerWaitsForMonitor)
        {
            WorkerTake();
        }
        return backlog;
    }

    /// <summary>
    /// The idle path (the backlog is empty): send head jobs unchanged while their estimates fit the 100 ms budget; the first
    /// that does not fit goes at its cheapest cell, and the loop ends. As coded, the index also advances after each
    /// removal, so every other job is taken. Returns what is left of the budget (the sleep rule subtracts it).
    /// </summary>
    private double IdlePath()
    {
        double budget = ReferenceSettings.IdleBudgetSeconds;
        int i = 0;
        while (i < _edf.Count)
        {
            ReferenceJob job = _edf.RemoveAt(i);
            if (job.Comp < budget)
            {
                budget -= job.Comp;
                Dispatch(job);
            }
            else
            {
                if (_planner.Cheapest(job.Job.Size, job.Job.TargetAccuracy) is Strategy cheapest)
                {
                    Change(job, cheapest, DecisionPath.Idle, 0);
                }
                Dispatch(job);
                break;
            }
            if (_settings.IdleEveryOther)
            {
                i++;
            }
        }
        return budget;
    }

    /// <summary>
    /// <c>detect_delay</c>: the worker is taken to be free at the running job's start + the backlog (now + 3 ms + the
    /// backlog when idle), then EDF jobs are laid end to end; returns the first past its deadline and diff = deadline − end,
    /// or -1. As coded, the estimate also subtracts the time since the running job started (now + 6 ms when idle).
    /// </summary>
    private int DetectDelay(out double diff)
    {
        double start = _hasStart ? _lastStart : _now + ReferenceSettings.IdleStartSeconds;
        double end = start + _backlog - (_settings.LateDetector ? _now - start : 0);
        for (int i = 0; i < _edf.Count; i++)
        {
            end += _edf[i].Comp;
            if (end > _edf[i].Deadline)
            {
                diff = _edf[i].Deadline - end;
                return i;
            }
        }
        diff = 0;
        return -1;
    }

    /// <summary><c>fair_accuracy</c> over jobs 0..violator, falling back to <c>random_fill</c>; returns how long the monitor is held.</summary>
    private double Replan(int violator, double diff)
    {
        var jobs = new ReplanJob[violator + 1];
        double planned = 0;
        for (int i = 0; i <= violator; i++)
        {
            jobs[i] = new ReplanJob(_edf[i].Job.Size, _edf[i].Job.TargetAccuracy);
            planned += _edf[i].Comp;
        }
        long started = _clock.GetTimestamp();
        IReadOnlyList<Strategy>? plan = _planner.Solve(jobs, _settings.Margin * (planned + diff));
        double wall = _clock.ElapsedSeconds(started);
        double held = _settings.MeasuredSolve ? wall : _settings.SolveSeconds;
        var changed = new List<int>();
        var dropped = new List<int>();
        DecisionPath path;
        double objective = double.NaN;
        int violatorId = _edf[violator].Job.Id;
        if (plan is null || held > _settings.SolverTimeLimitSeconds)
        {
            held = Math.Min(held, _settings.SolverTimeLimitSeconds);
            path = DecisionPath.Greedy;
            RandomFill(violator, diff, wall, changed, dropped);
        }
        else
        {
            path = DecisionPath.Exact;
            objective = plan.Average(s => s.Accuracy);
            for (int i = 0; i <= violator; i++)
            {
                if (Change(_edf[i], plan[i], path, wall))
                {
                    changed.Add(_edf[i].Job.Id);
                }
            }
        }
        _metrics.Decided(path, wall, held);
        _recorder?.Decision(new DecisionRecord(_now, "monitor", path, wall, held, objective, changed.Count, dropped.Count, _edf.Count,
            violatorId, changed, dropped));
        return held;
    }

    /// <summary>
    /// <c>random_fill</c>: from the head, move each job to its cheapest cell meeting its target and add what that saves to
    /// diff; stop once diff is positive. If it never is, drop the violator; the downgrades made on the way stay.
    /// </summary>
    private void RandomFill(int violator, double diff, double wall, List<int> changed, List<int> dropped)
    {
        for (int i = 0; i <= violator; i++)
        {
            ReferenceJob job = _edf[i];
            double before = job.Comp;
            if (job.Job.Strategy.Accuracy >= job.Job.TargetAccuracy && _planner.Cheapest(job.Job.Size, job.Job.TargetAccuracy) is Strategy cheapest
                && Change(job, cheapest, DecisionPath.Greedy, wall))
            {
                changed.Add(job.Job.Id);
            }
            diff += before - job.Comp;
            if (diff > 0)
            {
                return;
            }
        }
        ReferenceJob victim = _edf.RemoveAt(violator);
        dropped.Add(victim.Job.Id);
        Drop(victim);
    }

    private static bool Change(ReferenceJob job, Strategy strategy, DecisionPath path, double wall)
    {
        if (ReferenceEquals(job.Job.Strategy, strategy))
        {
            return false;
        }
        job.Job.Strategy = strategy;
        job.Job.LastDecision = path;
        job.Job.DecisionWallSeconds = wall;
        job.Job.Changes++;
        return true;
    }

    /// <summary>The worker takes FIFO jobs until one runs; with the FIFO empty it resets the backlog and its start time.</summary>
    private void WorkerTake()
    {
        while (_fifo.TryDequeue(out ReferenceJob? job))
        {
            _lastStart = _now;
            _hasStart = true;
            if (_now + job.Comp > job.Deadline + _settings.GraceSeconds)
            {
                _backlog -= job.Comp;
                Drop(job);
                continue;
            }
            Job run = job.Job;
            run.Outcome = JobOutcome.Running;
            run.StartSeconds = _now;
            run.EstimatedServiceSeconds = job.Comp;
            run.ActualServiceSeconds = _executor.Execute(run, _deadlineLatency.Precision);
            run.FinishSeconds = _now + run.ActualServiceSeconds;
            _running = job;
            _runningFinish = run.FinishSeconds;
            return;
        }
        _backlog = 0;
        _hasStart = false;
        _running = null;
        _runningFinish = double.PositiveInfinity;
    }

    private void WorkerFinished()
    {
        ReferenceJob job = _running!;
        // As coded the worker takes 2 x estimate − actual off the backlog: it drifts by actual − estimate per job until reset.
        _backlog -= (2 * job.Comp) - job.Job.ActualServiceSeconds;
        if (job.WarmUp)
        {
            _metrics.WarmUpProcessed(_now, job.Job.Size);
        }
        else
        {
            job.Job.Outcome = job.Job.FinishSeconds <= job.Job.DeadlineSeconds ? JobOutcome.Met : JobOutcome.Late;
            Finalize(job.Job);
        }
        _running = null;
        _runningFinish = double.PositiveInfinity;
        WorkerTake();
    }

    private void Drop(ReferenceJob job)
    {
        if (job.WarmUp)
        {
            return;
        }
        job.Job.Outcome = JobOutcome.Dropped;
        job.Job.FinishSeconds = _now;
        Finalize(job.Job);
    }

    private void Finalize(Job job)
    {
        _metrics.Finalized(job);
        _recorder?.Job(JobRecord.Of(job));
    }

    private RunResult Finish()
    {
        long queuedJobs = 0;
        long queuedRequests = 0;
        IEnumerable<ReferenceJob> waiting = _edf.Concat(_fifo);
        if (_running is not null)
        {
            waiting = waiting.Append(_running);
        }
        foreach (ReferenceJob job in waiting.Where(j => !j.WarmUp).ToList())
        {
            queuedJobs++;
            queuedRequests += job.Job.Size;
            _recorder?.Job(JobRecord.Of(job.Job));
        }
        while (_producer.Any)
        {
            (JobArrival arrival, bool warmUp, double counted) = _producer.Take();
            ReferenceJob job = Create(arrival, warmUp, counted);
            if (!warmUp)
            {
                queuedJobs++;
                queuedRequests += arrival.Size;
                _recorder?.Job(JobRecord.Of(job.Job));
            }
        }
        return _metrics.Result(_arrivals.EndSeconds, _now, queuedJobs, queuedRequests, _edf.Count + _fifo.Count);
    }
}
