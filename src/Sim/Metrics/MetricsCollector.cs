using System.Runtime.InteropServices;
using Mosel.Sim.Model;

namespace Mosel.Sim.Metrics;

/// <summary>
/// Folds job outcomes into the summary, the window series and fixed-size distributions; memory does
/// not grow with the number of jobs (only with the number of windows).
/// </summary>
internal sealed class MetricsCollector
{
    private readonly double _windowSeconds;
    private readonly Profiles.ModelProfile _profile;
    private readonly List<WindowStats> _windows = new();
    private readonly List<TracerWindow> _tracer = new();
    private readonly double _tracerOrigin;
    private readonly LogHistogram _jct = new();
    private readonly LogHistogram _decisionWall = new();
    private readonly Dictionary<double, long> _jobAccuracy = new();
    // Consecutive jobs mostly serve the same accuracy (every job, for an all-modality policy): their requests are added up
    // here and go into the dictionary when the accuracy changes, instead of one hash lookup per job.
    private double _runAccuracy = double.NaN;
    private long _runRequests;
    private readonly long[] _requestsPerConfiguration;
    private readonly long[] _decisionsByPath = new long[Enum.GetValues<DecisionPath>().Length];
    private readonly ScoreTally _scores;
    private long _submittedJobs, _submittedRequests, _metJobs, _metRequests, _lateJobs, _lateRequests, _droppedJobs, _droppedRequests;
    private long _finishedJobs, _jobsMeetingTarget;
    private double _accuracySum;
    private double _decisionCharged;
    private long _decisions;
    private int _closedWindows;

    /// <param name="tracerOriginSeconds">When the reference tracer's first window starts (5 s after the engine's launch).</param>
    public MetricsCollector(Profiles.ModelProfile profile, double windowSeconds, double tracerOriginSeconds = ReferenceTracer.StartSeconds)
    {
        _tracerOrigin = tracerOriginSeconds;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSeconds);
        _profile = profile;
        _windowSeconds = windowSeconds;
        _requestsPerConfiguration = new long[profile.Configurations.Count];
        _scores = new ScoreTally(profile.Configurations.Select(c => c.Accuracy).ToArray());
    }

    /// <summary>Closes every window that ends at or before <paramref name="now"/>, stamping the queue length.</summary>
    public void AdvanceTo(double now, int queueLength)
    {
        while (_closedWindows < _windows.Count && (_windows[_closedWindows].StartSeconds + _windowSeconds) <= now)
        {
            _windows[_closedWindows].QueueLengthAtEnd = queueLength;
            _closedWindows++;
        }
    }

    public void Submitted(Job job) => Submitted(job, job.ArrivalSeconds);

    /// <param name="countedSeconds">When the reference tracer counts the submission (its producer counts a job after the gap that follows it).</param>
    public void Submitted(Job job, double countedSeconds)
    {
        CountTracer(countedSeconds, job.Size, processed: false);
        _submittedJobs++;
        _submittedRequests += job.Size;
        WindowStats window = WindowAt(job.ArrivalSeconds);
        window.SubmittedJobs++;
        window.SubmittedRequests += job.Size;
    }

    public void Finalized(Job job)
    {
        WindowStats window = WindowAt(job.FinishSeconds);
        switch (job.Outcome)
        {
            case JobOutcome.Dropped:
                _droppedJobs++;
                _droppedRequests += job.Size;
                window.DroppedRequests += job.Size;
                return;
            case JobOutcome.Met:
                _metJobs++;
                _metRequests += job.Size;
                window.MetRequests += job.Size;
                break;
            case JobOutcome.Late:
                _lateJobs++;
                _lateRequests += job.Size;
                window.LateRequests += job.Size;
                break;
            default:
                throw new InvalidOperationException($"job {job.Id} finalized with outcome {job.Outcome}");
        }
        CountTracer(job.FinishSeconds, job.Size, processed: true);
        _jct.Add(job.FinishSeconds - job.ArrivalSeconds);
        _finishedJobs++;
        double served = job.Strategy.Accuracy;
        if (served >= job.TargetAccuracy - TargetChance.Tolerance)
        {
            _jobsMeetingTarget++;
        }
        if (job.CorrectRequests is int correct)
        {
            _scores.Add(job, correct);
        }
        _accuracySum += served * job.Size;
        if (served == _runAccuracy)
        {
            _runRequests += job.Size;
        }
        else
        {
            FlushAccuracyRun();
            _runAccuracy = served;
            _runRequests = job.Size;
        }
        window.ServedAccuracySum += served * job.Size;
        ReadOnlySpan<int> counts = job.Strategy.Counts;
        for (int c = 0; c < counts.Length; c++)
        {
            _requestsPerConfiguration[c] += counts[c];
            window.FinishedRequestsPerConfiguration[c] += counts[c];
        }
    }

    /// <summary>A warm-up job the worker ran: the reference tracer counts it as processed, the run's metrics do not see it.</summary>
    public void WarmUpProcessed(double finishSeconds, int size) => CountTracer(finishSeconds, size, processed: true);

    public void Decided(DecisionPath path, double wallSeconds, double chargedSeconds)
    {
        _decisions++;
        _decisionsByPath[(int)path]++;
        _decisionWall.Add(wallSeconds);
        _decisionCharged += chargedSeconds;
    }

    public RunResult Result(double offeredSeconds, double endSeconds, long queuedJobs, long queuedRequests, int queueLength)
    {
        FlushAccuracyRun();
        AdvanceTo(double.PositiveInfinity, queueLength);
        double windowViolation = 0;
        int counted = 0;
        foreach (WindowStats window in _windows)
        {
            if (window.SubmittedRequests > 0)
            {
                windowViolation += window.MetViolationRatio;
                counted++;
            }
        }
        var summary = new RunSummary
        {
            OfferedSeconds = offeredSeconds,
            SimulatedEndSeconds = endSeconds,
            SubmittedJobs = _submittedJobs,
            SubmittedRequests = _submittedRequests,
            MetJobs = _metJobs,
            MetRequests = _metRequests,
            LateJobs = _lateJobs,
            LateRequests = _lateRequests,
            DroppedJobs = _droppedJobs,
            DroppedRequests = _droppedRequests,
            QueuedJobsAtEnd = queuedJobs,
            QueuedRequestsAtEnd = queuedRequests,
            WindowViolationRatioMet = counted == 0 ? 0 : windowViolation / counted,
            WindowViolationRatioRef = ReferenceTracer.MeanViolationRatio(_tracer),
            JctMeanSeconds = _jct.Mean,
            JctP50Seconds = _jct.Quantile(0.5),
            JctP99Seconds = _jct.Quantile(0.99),
            MeanServedAccuracy = (_metRequests + _lateRequests) == 0 ? double.NaN : _accuracySum / (_metRequests + _lateRequests),
            ShareJobsMeetingTarget = _finishedJobs == 0 ? double.NaN : (double)_jobsMeetingTarget / _finishedJobs,
            ScoredRequests = _scores.Requests,
            MeasuredServedAccuracy = _scores.MeasuredAccuracy,
            MeasuredServedAccuracySd = _scores.MeasuredAccuracySd,
            ShareJobsMeetingTargetMeasured = _scores.ShareMeetingTarget,
            ShareJobsMeetingTargetExpected = _scores.ExpectedShareMeetingTarget,
            ShareJobsMeetingTargetExpectedSd = _scores.ExpectedShareMeetingTargetSd,
            FinishedRequestsPerConfiguration = _requestsPerConfiguration,
            Decisions = _decisions,
            DecisionsByPath = DecisionsByPath(),
            DecisionWallP50Seconds = _decisionWall.Quantile(0.5),
            DecisionWallP99Seconds = _decisionWall.Quantile(0.99),
            DecisionChargedSeconds = _decisionCharged,
        };
        return new RunResult(summary, _windows, _jobAccuracy.OrderBy(a => a.Key).Select(a => new AccuracyMass(a.Key, a.Value)).ToArray(),
            _profile.Configurations.Select(c => c.Accuracy).ToArray(),
            _profile.Configurations.Select(c => c.Name).ToArray());
    }

    private void FlushAccuracyRun()
    {
        if (_runRequests > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_jobAccuracy, _runAccuracy, out _) += _runRequests;
            _runRequests = 0;
            _runAccuracy = double.NaN;
        }
    }

    private void CountTracer(double seconds, int size, bool processed)
    {
        if (seconds < _tracerOrigin)
        {
            // The tracer resets its counters when it starts: earlier events are not counted.
            return;
        }
        int index = (int)((seconds - _tracerOrigin) / ReferenceTracer.WindowSeconds);
        while (_tracer.Count <= index)
        {
            _tracer.Add(default);
        }
        ref TracerWindow window = ref CollectionsMarshal.AsSpan(_tracer)[index];
        window = processed
            ? window with { ProcessedRequests = window.ProcessedRequests + size }
            : window with { SubmittedRequests = window.SubmittedRequests + size };
    }

    /// <summary>Decisions per path that took any, by lower-case name.</summary>
    private SortedDictionary<string, long> DecisionsByPath()
    {
        var byPath = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (DecisionPath path in Enum.GetValues<DecisionPath>())
        {
            if (_decisionsByPath[(int)path] > 0)
            {
                byPath[path.ToString().ToLowerInvariant()] = _decisionsByPath[(int)path];
            }
        }
        return byPath;
    }

    private WindowStats WindowAt(double seconds)
    {
        int index = Math.Max(0, (int)(seconds / _windowSeconds));
        while (_windows.Count <= index)
        {
            _windows.Add(new WindowStats(_windows.Count, _windows.Count * _windowSeconds, _requestsPerConfiguration.Length));
        }
        return _windows[index];
    }
}
