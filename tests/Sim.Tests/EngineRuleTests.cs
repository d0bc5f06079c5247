using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>
/// The engine's rules at their exact boundaries. Times and latencies are binary fractions (1/8, 1/16, 1/32 ...),
/// so every sum the engine forms is exact and each expected value, worked out by hand, must match to the last bit.
/// </summary>
public sealed class EngineRuleTests
{
    private static (RunResult Result, ListRecorder Recorder) Run(ModelProfile profile, SimulationSettings settings, params JobArrival[] arrivals) =>
        RunWithPolicy(static truth => new AllModalitiesTestPolicy(truth), profile, settings, arrivals);

    private static (RunResult Result, ListRecorder Recorder) RunWithPolicy(Func<LatencyModel, ISchedulingPolicy> policy, ModelProfile profile,
        SimulationSettings settings, params JobArrival[] arrivals)
    {
        var truth = new LatencyModel(profile, Precision.Fp32);
        return ReplayRun.Run(policy(truth), truth, settings, new ListArrivals(10, arrivals));
    }

    private static int[] Drain(EventQueue events)
    {
        var fired = new List<int>();
        while (events.TryDequeue(out SimEvent simEvent, out _))
        {
            fired.Add(simEvent.Argument);
        }
        return fired.ToArray();
    }

    [Fact]
    public void AJobWhosePredictedFinishEqualsTheDropBoundIsRunNotDropped()
    {
        // Constant 125 ms, slack 1/32 s, grace 1/32 s. Job 0 arrives at 0 and runs [0, 0.125]. Job 1 arrives at 0.0625:
        // deadline 0.0625 + 0.125 + 0.03125 = 0.21875, drop bound 0.21875 + 0.03125 = 0.25. At 0.125 the worker is free and
        // the predicted finish is 0.125 + 0.125 = 0.25 = the bound, not past it: it runs [0.125, 0.25], late (0.25 > 0.21875).
        var settings = new SimulationSettings { SlackSeconds = 0.03125, GraceSeconds = 0.03125 };
        (RunResult result, ListRecorder recorder) = Run(TestProfiles.Constant(125), settings,
            new JobArrival(0, 1, 0), new JobArrival(0.0625, 1, 0));
        JobRecord boundary = recorder.Jobs.Single(j => j.Id == 1);
        Assert.Equal(0.21875, boundary.DeadlineSeconds); // 0.0625 + 0.125 + 0.03125
        Assert.Equal(JobOutcome.Late, boundary.Outcome);
        Assert.Equal(0.125, boundary.StartSeconds); // job 0's finish
        Assert.Equal(0.25, boundary.FinishSeconds); // 0.125 + 0.125 = deadline + grace exactly
        Assert.Equal(0, result.Summary.DroppedJobs);
        Assert.Equal(1, result.Summary.LateJobs);
    }

    [Fact]
    public void AJobWhosePredictedFinishIsJustPastTheDropBoundIsDropped()
    {
        // As above but job 1 arrives 1/1024 s earlier, at 63/1024 = 0.0615234375: deadline 0.0615234375 + 0.125 + 0.03125
        // = 0.2177734375, drop bound 0.2490234375 < predicted finish 0.25, so it is dropped at 0.125 without starting.
        var settings = new SimulationSettings { SlackSeconds = 0.03125, GraceSeconds = 0.03125 };
        (RunResult result, ListRecorder recorder) = Run(TestProfiles.Constant(125), settings,
            new JobArrival(0, 1, 0), new JobArrival(0.0615234375, 1, 0));
        JobRecord dropped = recorder.Jobs.Single(j => j.Id == 1);
        Assert.Equal(0.2177734375, dropped.DeadlineSeconds); // 63/1024 + 128/1024 + 32/1024 = 223/1024
        Assert.Equal(JobOutcome.Dropped, dropped.Outcome);
        Assert.Equal(0.125, dropped.FinishSeconds); // dropped when the worker came free
        Assert.True(double.IsNaN(dropped.StartSeconds));
        Assert.Equal(1, result.Summary.DroppedJobs);
    }

    [Fact]
    public void GraceIsAddedOnceToTheDeadline()
    {
        // Constant 125 ms, slack 1/32 s. Job 1 arrives at 0.046875: deadline 0.046875 + 0.125 + 0.03125 = 0.203125; at 0.125
        // its predicted finish 0.25 overshoots the deadline by 0.046875, between g = 0.03125 and 2g = 0.0625.
        // Grace g: bound 0.234375 < 0.25, dropped at 0.125 (a doubled grace, bound 0.265625, would run it).
        var tight = new SimulationSettings { SlackSeconds = 0.03125, GraceSeconds = 0.03125 };
        (_, ListRecorder withGrace) = Run(TestProfiles.Constant(125), tight, new JobArrival(0, 1, 0), new JobArrival(0.046875, 1, 0));
        JobRecord dropped = withGrace.Jobs.Single(j => j.Id == 1);
        Assert.Equal(0.203125, dropped.DeadlineSeconds);
        Assert.Equal(JobOutcome.Dropped, dropped.Outcome);
        Assert.Equal(0.125, dropped.FinishSeconds);

        // Grace 2g = 0.0625: bound 0.265625 >= 0.25, so the same job runs [0.125, 0.25] and is late.
        var loose = new SimulationSettings { SlackSeconds = 0.03125, GraceSeconds = 0.0625 };
        (_, ListRecorder withDoubleGrace) = Run(TestProfiles.Constant(125), loose, new JobArrival(0, 1, 0), new JobArrival(0.046875, 1, 0));
        JobRecord late = withDoubleGrace.Jobs.Single(j => j.Id == 1);
        Assert.Equal(JobOutcome.Late, late.Outcome);
        Assert.Equal(0.125, late.StartSeconds);
        Assert.Equal(0.25, late.FinishSeconds);
    }

    [Fact]
    public void AJobFinishingExactlyAtItsDeadlineIsMet()
    {
        // Constant 125 ms, slack 0: a lone job arriving at 0.5 has deadline 0.5 + 0.125 + 0 = 0.625, starts at once and
        // finishes at 0.5 + 0.125 = 0.625 = its deadline, which counts as met (finish <= deadline).
        var settings = new SimulationSettings { SlackSeconds = 0 };
        (RunResult result, ListRecorder recorder) = Run(TestProfiles.Constant(125), settings, new JobArrival(0.5, 1, 0));
        JobRecord job = recorder.Jobs.Single();
        Assert.Equal(0.625, job.DeadlineSeconds);
        Assert.Equal(0.625, job.FinishSeconds);
        Assert.Equal(JobOutcome.Met, job.Outcome);
        Assert.Equal(1, result.Summary.MetJobs);
        Assert.Equal(0, result.Summary.LateJobs);
        Assert.Equal(0.0, result.Summary.ViolationRatio); // 1 - 1/1
    }

    [Fact]
    public void DeadlineIsArrivalPlusAllModalityLatencyPlusSlackToTheLastBit()
    {
        // Constant 125 ms, slack 0.25: arrival 0.5, deadline 0.5 + 0.125 + 0.25 = 0.875 exactly (slack x 1.01 would give 0.8775).
        (_, ListRecorder exact) = Run(TestProfiles.Constant(125), new SimulationSettings { SlackSeconds = 0.25 }, new JobArrival(0.5, 1, 0));
        Assert.Equal(0.875, exact.Jobs.Single().DeadlineSeconds);

        // Default slack 0.055 on the linear profile: size 3 with all modalities takes ~30 ms, so the deadline is
        // 0.25 + 0.030 + 0.055 = 0.335, computed to the bit the way the spec says: arrival + L(all modalities, size) + slack.
        var settings = new SimulationSettings();
        var truth = new LatencyModel(TestProfiles.Linear(), Precision.Fp32);
        (_, ListRecorder recorder) = Run(TestProfiles.Linear(), settings, new JobArrival(0.25, 3, 0));
        double deadline = recorder.Jobs.Single().DeadlineSeconds;
        Assert.Equal(0.25 + truth.Seconds(ModelProfile.FullConfigurationIndex, 3) + 0.055, deadline);
        Assert.Equal(0.335, deadline, 12);
        Assert.Equal(0.055, settings.SlackSeconds);
    }

    [Theory]
    [InlineData(DecisionTimeCharge.None, 0.5, 0.0)]
    [InlineData(DecisionTimeCharge.Fixed, 0.5625, 0.0625)]
    public void AFixedDecisionTimeDelaysTheNextDispatchByExactlyThatAmount(DecisionTimeCharge charge, double expectedStart, double expectedCharged)
    {
        // The policy runs a "solver" on every arrival (path Greedy, no changes). A lone job arrives at 0.5 on an idle worker.
        // None: nothing is charged, it starts at 0.5. Fixed 1/16 s: the scheduler is busy until 0.5 + 0.0625 = 0.5625, and
        // the job starts then, finishing at 0.5625 + 0.125 = 0.6875 (deadline 0.5 + 0.125 + 0.25 = 0.875: met either way).
        var settings = new SimulationSettings { SlackSeconds = 0.25, DecisionCharge = charge, FixedDecisionSeconds = 0.0625 };
        (RunResult result, ListRecorder recorder) = RunWithPolicy(static truth => new SolvesOnArrivalPolicy(truth), TestProfiles.Constant(125),
            settings, new JobArrival(0.5, 1, 0));
        JobRecord job = recorder.Jobs.Single();
        Assert.Equal(expectedStart, job.StartSeconds);
        Assert.Equal(expectedStart + 0.125, job.FinishSeconds);
        Assert.Equal(JobOutcome.Met, job.Outcome);
        Assert.Equal(1, result.Summary.Decisions);
        Assert.Equal(expectedCharged, result.Summary.DecisionChargedSeconds);
        DecisionRecord decision = recorder.Decisions.Single();
        Assert.Equal(0.5, decision.TimeSeconds);
        Assert.Equal(expectedCharged, decision.ChargedSeconds);
    }

    [Fact]
    public void EventsAtEqualTimeAndKindFireInInsertionOrder()
    {
        // Six arrivals scheduled at t = 1 with arguments 0..5, one at t = 2 scheduled first and one at t = 0.5 scheduled last.
        // Expected: the t = 0.5 event (6), then 0, 1, 2, 3, 4, 5 in insertion order, then the t = 2 event (7).
        var events = new EventQueue();
        events.Schedule(2, new SimEvent(EventKind.Arrival, 7));
        for (int i = 0; i < 6; i++)
        {
            events.Schedule(1, new SimEvent(EventKind.Arrival, i));
        }
        events.Schedule(0.5, new SimEvent(EventKind.Arrival, 6));
        Assert.Equal(8, events.Count);
        Assert.True(events.TryPeek(out _, out double first));
        Assert.Equal(0.5, first);
        Assert.Equal([6, 0, 1, 2, 3, 4, 5, 7], Drain(events));
        Assert.False(events.TryPeek(out _, out _));
    }

    [Fact]
    public void EventsAtEqualTimeFireByKindThenInsertionOrder()
    {
        // All at t = 1: kinds order WorkerDone < SchedulerFree < Arrival < MonitorTick whatever the insertion order; within a
        // kind, insertion order. Inserted: tick 0, arrival 1, done 2, free 3, arrival 4, done 5, free 6.
        // Expected: done 2, done 5, free 3, free 6, arrival 1, arrival 4, tick 0.
        var events = new EventQueue();
        events.Schedule(1, new SimEvent(EventKind.MonitorTick, 0));
        events.Schedule(1, new SimEvent(EventKind.Arrival, 1));
        events.Schedule(1, new SimEvent(EventKind.WorkerDone, 2));
        events.Schedule(1, new SimEvent(EventKind.SchedulerFree, 3));
        events.Schedule(1, new SimEvent(EventKind.Arrival, 4));
        events.Schedule(1, new SimEvent(EventKind.WorkerDone, 5));
        events.Schedule(1, new SimEvent(EventKind.SchedulerFree, 6));
        Assert.Equal([2, 5, 3, 6, 1, 4, 0], Drain(events));
    }

    [Fact]
    public void WindowViolationRatioIsTheMeanOverWindowsWithSubmissionsOfTheClampedMissShare()
    {
        // Constant 125 ms, slack 0, grace 1/16 s, 1 s windows, one worker.
        //   job 0 size 1 at 0      -> runs [0, 0.125], deadline 0.125: met in window 0
        //   job 1 size 3 at 0.9375 -> runs [0.9375, 1.0625], deadline 1.0625: met in window 1 (submitted in window 0)
        //   job 2 size 1 at 1.5    -> runs [1.5, 1.625], deadline 1.625: met in window 1
        //   (window 2: no submissions, NaN, not counted)
        //   job 3 size 4 at 3      -> runs [3, 3.125], deadline 3.125: met in window 3
        //   job 4 size 2 at 3      -> deadline 3.125; at 3.125 predicted 3.25 > 3.125 + 0.0625: dropped in window 3
        //   job 5 size 2 at 3.0625 -> deadline 3.1875; at 3.125 predicted 3.25 = 3.1875 + 0.0625: runs, late at 3.25 in window 3
        // Per window 1 - min(1, met / submitted): w0 = 1 - 1/4 = 0.75; w1 = 1 - min(1, 4/1) = 0; w3 = 1 - 4/8 = 0.5.
        // Mean over the three windows with submissions: (0.75 + 0 + 0.5) / 3 = 1.25 / 3.
        var settings = new SimulationSettings { SlackSeconds = 0, GraceSeconds = 0.0625, WindowSeconds = 1 };
        (RunResult result, ListRecorder recorder) = Run(TestProfiles.Constant(125), settings,
            new JobArrival(0, 1, 0), new JobArrival(0.9375, 3, 0), new JobArrival(1.5, 1, 0),
            new JobArrival(3, 4, 0), new JobArrival(3, 2, 0), new JobArrival(3.0625, 2, 0));

        Assert.Equal([JobOutcome.Met, JobOutcome.Met, JobOutcome.Met, JobOutcome.Met, JobOutcome.Dropped, JobOutcome.Late],
            recorder.Jobs.OrderBy(j => j.Id).Select(j => j.Outcome));
        Assert.Equal(4, result.Windows.Count);

        WindowStats w0 = result.Windows[0];
        Assert.Equal(4, w0.SubmittedRequests); // jobs 0 and 1
        Assert.Equal(1, w0.MetRequests); // job 0
        Assert.Equal(0.75, w0.MetViolationRatio); // 1 - 1/4

        WindowStats w1 = result.Windows[1];
        Assert.Equal(1, w1.SubmittedRequests); // job 2
        Assert.Equal(4, w1.MetRequests); // jobs 1 and 2
        Assert.Equal(0.0, w1.MetViolationRatio); // 1 - min(1, 4/1)

        WindowStats w2 = result.Windows[2];
        Assert.Equal(0, w2.SubmittedRequests);
        Assert.True(double.IsNaN(w2.MetViolationRatio));

        WindowStats w3 = result.Windows[3];
        Assert.Equal(8, w3.SubmittedRequests); // jobs 3, 4, 5
        Assert.Equal(4, w3.MetRequests); // job 3
        Assert.Equal(2, w3.LateRequests); // job 5
        Assert.Equal(2, w3.DroppedRequests); // job 4
        Assert.Equal(0.5, w3.MetViolationRatio); // 1 - 4/8

        Assert.Equal(1.25 / 3, result.Summary.WindowViolationRatioMet); // (0.75 + 0 + 0.5) / 3 = 0.41666...
        // The per-request form differs: 13 submitted, 9 met (1 + 3 + 1 + 4), 1 - 9/13 = 0.3077...
        Assert.Equal(1 - (9.0 / 13), result.Summary.ViolationRatio);
    }

    /// <summary>Runs a "solver" on every arrival (a decision with a path but no changes); never re-plans otherwise.</summary>
    [Fact]
    public void EverySchedulerBusySpellWakesTheDispatcherAgain()
    {
        // Fixed 1/16 s per decision. Job 0 at 0.5 waits for the scheduler until 0.5625; job 1 at 2.0, long after the first
        // wake-up was handled, waits until 2.0625 and must be woken again.
        var settings = new SimulationSettings { SlackSeconds = 0.25, DecisionCharge = DecisionTimeCharge.Fixed, FixedDecisionSeconds = 0.0625 };
        (RunResult result, ListRecorder recorder) = RunWithPolicy(static truth => new SolvesOnArrivalPolicy(truth), TestProfiles.Constant(125),
            settings, new JobArrival(0.5, 1, 0), new JobArrival(2.0, 1, 0));
        Assert.Equal([0.5625, 2.0625], recorder.Jobs.OrderBy(j => j.Id).Select(j => j.StartSeconds));
        Assert.Equal(2, result.Summary.MetJobs);
    }

    [Fact]
    public void AnEventExactlyAtTheEndOfTheDrainIsStillHandled()
    {
        // Arrivals end at 1 s, drain 1/8 s: the run stops after 1.125. Job 0 arrives at 1.0 and finishes at exactly 1.125 (met);
        // job 1 arrives at 1.0 too and would start at 1.125, but nothing after 1.125 happens: it is still queued at the end.
        var settings = new SimulationSettings { SlackSeconds = 1, DrainSeconds = 0.125 };
        var truth = new LatencyModel(TestProfiles.Constant(125), Precision.Fp32);
        (RunResult result, ListRecorder recorder) = ReplayRun.Run(new AllModalitiesTestPolicy(truth), truth, settings,
            new ListArrivals(1, new JobArrival(1.0, 1, 0), new JobArrival(1.0, 1, 0)));
        RunSummary summary = result.Summary;
        Assert.Equal((1L, 1L), (summary.MetJobs, summary.QueuedJobsAtEnd));
        Assert.Equal(1.125, recorder.Jobs.Single(j => j.Id == 0).FinishSeconds);
    }

    [Fact]
    public void AWindowRecordsTheQueueAtItsEndNotAtTheEndOfTheRun()
    {
        // Windows of 1 s. Ten 125-ms jobs arrive at 0.875; one starts, nine wait. The first event after 1.0 is the first
        // completion, at 1.0: window 0 closes with nine queued. The run ends with an empty queue.
        var settings = new SimulationSettings { SlackSeconds = 10, WindowSeconds = 1 };
        (RunResult result, _) = Run(TestProfiles.Constant(125), settings, Enumerable.Repeat(new JobArrival(0.875, 1, 0), 10).ToArray());
        Assert.Equal(9, result.Windows[0].QueueLengthAtEnd);
        Assert.Equal(0, result.Windows[^1].QueueLengthAtEnd);
        Assert.Equal(10, result.Summary.MetJobs);
    }

    private sealed class SolvesOnArrivalPolicy(LatencyModel estimate) : ISchedulingPolicy
    {
        public string Name => "solves-on-arrival";

        public Precision Precision => estimate.Precision;

        public Strategy InitialStrategy(int size, double targetAccuracy) => Strategy.Uniform(0, size, estimate);

        public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => new(DecisionPath.Greedy, [], []);

        public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

        public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
    }
}
