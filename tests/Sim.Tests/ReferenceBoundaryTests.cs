using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>
/// The reference engine's rules at their boundaries and its bookkeeping, on timelines computed by hand (the profile and
/// conventions of <see cref="ReferenceEngineTests"/>: a+b 10 ms and a 3 ms per request, accuracy 0.8 and 0.75; no warm-ups,
/// no loop cost and a 1-ms solve unless said).
/// </summary>
public class ReferenceBoundaryTests
{
    /// <summary>Job 0 (20 ms) runs from 0; jobs 1 (1 request) and 2 (2 requests) are created at 1 ms and pulled at 2 ms (slack 13 ms).</summary>
    private static readonly JobArrival[] s_twoBehindOne = [new(0, 2, 0.7), new(0.001, 1, 0.7), new(0.001, 2, 0.7)];

    [Fact]
    public void TheDefaultsAreTheCalibrationOfTheRealRun()
    {
        var maximize = new ReferenceSettings();
        var noPolicy = new ReferenceSettings { Mode = ReferenceMode.NoPolicy };
        Assert.Equal((0.041, 0.003, 0.001, 0.0015), (maximize.SolveSeconds, maximize.SolveOverheadSeconds, maximize.MaximizeLoopSeconds, maximize.NoPolicyLoopSeconds));
        Assert.Equal((0.001, 0.0015), (maximize.LoopSeconds, noPolicy.LoopSeconds));
        Assert.Equal((20, 30), (maximize.PullCap, noPolicy.PullCap));
        Assert.Equal((0.002, 0.0002), (maximize.SleepFloorSeconds, noPolicy.SleepFloorSeconds));
        Assert.Equal((0.012, 0.91, 0.100, 4), (maximize.GraceSeconds, maximize.Margin, maximize.SolverTimeLimitSeconds, maximize.WarmUpJobs));
        // Every behaviour "as coded" by default; the stricter reading off.
        Assert.Equal((true, true, true, false, false), (maximize.LateDetector, maximize.IdleEveryOther, maximize.IndexRemapAsCoded, maximize.MeasuredSolve, maximize.WorkerWaitsForMonitor));
    }

    [Fact]
    public void ADecisionIsCountedChargedAndRecordedAsTheMonitors()
    {
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 0) with { SolveSeconds = 0.050 }, new HandPlanner(ReferenceRun.Truth), ReferenceRun.LateHeads);

        Assert.Equal(2, result.Summary.Decisions);
        Assert.Equal(2, result.Summary.DecisionsByPath.Values.Sum());
        Assert.Equal(0.100, result.Summary.DecisionChargedSeconds, 12);
        // random_fill moved each violator to a before dropping it: the downgrade counts as a change.
        Assert.All(run.Decisions, d => Assert.Equal(("monitor", DecisionPath.Greedy, 1, 1), (d.Trigger, d.Path, d.JobsChanged, d.JobsDropped)));
        Assert.True(double.IsNaN(run.Decisions[0].Objective));
    }

    [Fact]
    public void AMeasuredSolveHoldsTheMonitorForTheSolversOwnTime()
    {
        // Each solve takes 7 ms on the clock. 2 ms: B flagged and dropped, held to 9 ms (A runs to 50: floor sleep); 11 ms: C
        // goes into the FIFO behind A (counter 60 ms) and D is flagged: 0 + 60 - 11 + 10 = 59 > 17 ms, diff -42.
        var planner = new HandPlanner(ReferenceRun.Truth);
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 0) with { SolveSeconds = 0.050, MeasuredSolve = true },
            planner, new SteppedWallClock(0.007), 0.056, ReferenceRun.LateHeads);

        Assert.Equal([0.002, 0.011], run.Decisions.Select(d => d.TimeSeconds), new ToleranceComparer(1e-12));
        Assert.Equal([0.91 * (0.010 - 0.041), 0.91 * (0.010 - 0.042)], planner.Budgets, new ToleranceComparer(1e-12));
        Assert.All(run.Decisions, d => Assert.Equal((0.007, 0.007), (d.WallSeconds, d.ChargedSeconds)));
        Assert.Equal(0.007, run.Job(3).DecisionWallSeconds, 12);
    }

    [Fact]
    public void TheExactPlanIsAppliedAndItsMeanAccuracyRecorded()
    {
        // Job 1 ends at 28 ms (deadline 30), job 2 at 48 (deadline 40): diff -8, budget 0.91 x 22 = 20.02 ms. The hand solver
        // keeps job 1 on a+b (10 ms) and moves job 2 to a (6 ms): mean accuracy (0.8 + 0.75) / 2; only job 2 changes.
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 13), new HandPlanner(ReferenceRun.Truth), s_twoBehindOne);

        DecisionRecord decision = Assert.Single(run.Decisions);
        Assert.Equal((DecisionPath.Exact, 0.775, 1, 0), (decision.Path, decision.Objective, decision.JobsChanged, decision.JobsDropped));
        Assert.Equal([2], decision.ChangedJobIds);
        Assert.Equal((0, DecisionPath.None, 0.8), (run.Job(1).Changes, run.Job(1).DecisionPath, run.Job(1).ServedAccuracy));
        Assert.Equal((1, DecisionPath.Exact, 0.75), (run.Job(2).Changes, run.Job(2).DecisionPath, run.Job(2).ServedAccuracy));
    }

    [Theory]
    [InlineData(0.001, DecisionPath.Exact, 0.001)]
    [InlineData(0.100, DecisionPath.Exact, 0.100)]
    [InlineData(0.150, DecisionPath.Greedy, 0.100)]
    public void ASolveLongerThanTheTimeLimitFallsBackAndIsChargedTheLimit(double solveSeconds, DecisionPath path, double charged)
    {
        // The same re-plan at 2 ms; at 150 ms the solver "times out" (limit 100 ms): random_fill moves job 1 to a (7 ms saved)
        // and job 2 to a (14 ms saved, diff 13 > 0): no drop, both on a. (A long hold makes both late: later decisions follow.)
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 13) with { SolveSeconds = solveSeconds },
            new HandPlanner(ReferenceRun.Truth), s_twoBehindOne);

        DecisionRecord decision = run.Decisions[0];
        Assert.Equal(0.002, decision.TimeSeconds, 12);
        Assert.Equal((path, charged), (decision.Path, decision.ChargedSeconds));
        Assert.Equal(path == DecisionPath.Exact ? 0.8 : 0.75, run.Job(1).ServedAccuracy);
    }

    [Fact]
    public void TheIdlePathSendsAJobUnchangedOnlyIfItsEstimateIsBelowWhatIsLeftOfTheBudget()
    {
        // Two 5-request jobs (50 ms each, exactly half the 100-ms budget) at 0, consecutive (fix_idle_skip): the first leaves
        // 50 ms, which the second does not fit below: it goes on a (15 ms).
        double half = ReferenceRun.Truth.Seconds(0, 5);
        Assert.Equal(ReferenceSettings.IdleBudgetSeconds - half, half);
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 1000) with { IdleEveryOther = false },
            new HandPlanner(ReferenceRun.Truth), new JobArrival(0, 5, 0.7), new JobArrival(0, 5, 0.7));

        Assert.Equal((0.8, DecisionPath.None), (run.Job(0).ServedAccuracy, run.Job(0).DecisionPath));
        Assert.Equal((0.75, DecisionPath.Idle), (run.Job(1).ServedAccuracy, run.Job(1).DecisionPath));
        Assert.Equal(0.050, run.Job(1).StartSeconds, 12);
    }

    [Theory]
    [InlineData(0, JobOutcome.Dropped, 0.0502)]
    [InlineData(12, JobOutcome.Late, 0.0602)]
    public void TheWorkerDropsAJobThatWouldEndPastItsExtendedDeadlinePlusGrace(double graceMs, JobOutcome outcome, double finish)
    {
        // no_policy, slack 0. A (50 ms) is sent at 0.2 ms and runs to 50.2 ms; the sleep after it is 0.75 x 50 = 37.5 ms. B (10 ms,
        // created at 1 ms) is pulled at 37.7 ms: deadline 1 + 10 + 36.7 + 5 = 52.7 ms; sent at 37.9 ms into the FIFO. At 50.2 ms
        // the worker would end it at 60.2 ms: past 52.7 + 0 (dropped) but not past 52.7 + 12 (run, late by the user's 11 ms).
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.NoPolicy, 0) with { GraceSeconds = graceMs / 1000 },
            new HandPlanner(ReferenceRun.Truth), new JobArrival(0, 5, 0.7), new JobArrival(0.001, 1, 0.7));

        Assert.Equal(0.0502, run.Job(0).FinishSeconds, 12);
        Assert.Equal(outcome, run.Job(1).Outcome);
        Assert.Equal(finish, run.Job(1).FinishSeconds, 12);
    }

    [Fact]
    public void JobsStillWaitingWhenTheDrainEndsAreQueuedAtEndAndWindowsCloseWithTheQueueThen()
    {
        // no_policy, 0.1-ms windows, the run stops at 10 ms (offered to 10 ms, no drain). Jobs 0-2 (10 ms) at 0, job 3 at 9.9 ms.
        // 0.2 ms: job 0 runs to 10.2 ms; 7.7 ms: job 1 into the FIFO; the next event, 10.2 ms, is past the end. Job 0 is
        // running, 1 in the FIFO, 2 in the list and 3 never pulled: 4 jobs queued at end. Window [0, 0.1 ms) closes at the
        // 0.2-ms iteration with 3 jobs in the list.
        var settings = ReferenceRun.Settings(ReferenceMode.NoPolicy, 1000) with { DrainSeconds = 0, WindowSeconds = 0.0001 };
        (RunResult result, ListRecorder run) = ReferenceRun.Run(settings, new HandPlanner(ReferenceRun.Truth), FrozenClock.Instance, 0.010,
            new JobArrival(0, 1, 0.7), new JobArrival(0, 1, 0.7), new JobArrival(0, 1, 0.7), new JobArrival(0.0099, 1, 0.7));

        Assert.Equal((4, 4, 0), (result.Summary.QueuedRequestsAtEnd, result.Summary.SubmittedRequests, result.Summary.MetRequests + result.Summary.LateRequests));
        Assert.True(result.Summary.ConservationHolds);
        Assert.Equal([JobOutcome.Running, JobOutcome.Queued, JobOutcome.Queued, JobOutcome.Queued], Enumerable.Range(0, 4).Select(id => run.Job(id).Outcome));
        Assert.Equal(4, run.Jobs.Count);
        Assert.Equal(3, result.Windows[0].QueueLengthAtEnd);
    }

    [Fact]
    public void WarmUpJobsRunEvenWhenNoLoadFollows()
    {
        // Four warm-ups and no arrivals: the last (created at -2 s, 320 ms) is processed in the tracer's first window
        // [-3, 1 s) where nothing is submitted: 0.01, and nothing after it.
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.NoPolicy, 17) with { WarmUpJobs = 4 },
            new HandPlanner(ReferenceRun.Truth));

        Assert.Empty(run.Jobs);
        Assert.Equal(0.01, result.Summary.WindowViolationRatioRef, 12);
    }

    [Fact]
    public void TheTracerCountsEachSubmissionWhenTheNextJobIsCreated()
    {
        // Jobs at 1, 6 and 11 s; the offered window ends at 11.001 s. Submissions are counted at 6 s (job 0), 11 s (job 1) and
        // 11.001 s (job 2); jobs 1 and 2 are processed about 10 ms after their creation. Tracer windows from 5 s: [5, 9) 1
        // submitted, 1 processed: 0; [9, 13) 2 submitted, 1 processed: 0.5. Mean 0.25.
        (RunResult result, _) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 17), new HandPlanner(ReferenceRun.Truth), FrozenClock.Instance, 11.001,
            new JobArrival(1, 1, 0.7), new JobArrival(6, 1, 0.7), new JobArrival(11, 1, 0.7));

        Assert.Equal(0.25, result.Summary.WindowViolationRatioRef, 12);
    }

    [Theory]
    [InlineData(ReferenceMode.Maximize, 31, false)]
    [InlineData(ReferenceMode.Maximize, 89, false)]
    [InlineData(ReferenceMode.Maximize, 89, true)]
    [InlineData(ReferenceMode.NoPolicy, 31, false)]
    [InlineData(ReferenceMode.NoPolicy, 89, true)]
    public void SkippingQuietIterationsNeverChangesARun(ReferenceMode mode, double qps, bool workerWaits)
    {
        // The jump over quiet iterations must land where stepping through each one does, also while the monitor's sleep is
        // above its floor (true latencies 1.4 x the estimates, noisy, so the counter drifts and big jobs keep it high). The
        // jump multiplies where stepping adds, so times agree to rounding (1e-9 s), and everything discrete exactly — as long as
        // no job is created within rounding of a wake time (then the two can pull it one iteration apart): the producer's and
        // the loop's times here are off every short grid.
        var truth = new LatencyModel(TestProfiles.Linear(msPerRequestAb: 14, msPerRequestA: 4.2), Precision.Fp32);
        (List<JobRecord> Jobs, List<DecisionRecord> Decisions, double Tracer) Once(bool skip)
        {
            var targets = new AccuracyTargets(0.7, 0.7, false, SeedStreams.Create(7, "targets"));
            var arrivals = new ProducerArrivals(Enumerable.Repeat(qps, 30).ToArray(), JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate),
                targets, new ProducerTiming(0.00311, 0.00077), SeedStreams.Create(7, "arrivals"));
            var settings = new ReferenceSettings
            {
                Mode = mode, SkipQuietIterations = skip, WorkerWaitsForMonitor = workerWaits, MaximizeLoopSeconds = 0.00137, NoPolicyLoopSeconds = 0.00143,
            };
            var recorder = new ListRecorder();
            RunResult result = new ReferenceSimulation(settings, new HandPlanner(ReferenceRun.Truth), new ProfileReplayExecutor(truth, 0.2, new Random(3)),
                arrivals, truth, FrozenClock.Instance, recorder).Run();
            return (recorder.Jobs, recorder.Decisions, result.Summary.WindowViolationRatioRef);
        }

        var skipped = Once(skip: true);
        var stepped = Once(skip: false);
        Assert.True(skipped.Jobs.Count > 250, $"{skipped.Jobs.Count} jobs");
        static double Start(JobRecord job) => double.IsNaN(job.StartSeconds) ? -1 : job.StartSeconds;
        Assert.Equal(stepped.Jobs.Select(j => (j.Id, j.Outcome, j.ServedAccuracy, j.Changes)), skipped.Jobs.Select(j => (j.Id, j.Outcome, j.ServedAccuracy, j.Changes)));
        Assert.Equal(stepped.Jobs.Select(Start), skipped.Jobs.Select(Start), new ToleranceComparer(1e-9));
        Assert.Equal(stepped.Jobs.Select(j => j.FinishSeconds), skipped.Jobs.Select(j => j.FinishSeconds), new ToleranceComparer(1e-9));
        Assert.Equal(stepped.Decisions.Select(d => (d.Path, string.Join(',', d.ChangedJobIds), string.Join(',', d.DroppedJobIds))),
            skipped.Decisions.Select(d => (d.Path, string.Join(',', d.ChangedJobIds), string.Join(',', d.DroppedJobIds))));
        Assert.Equal(stepped.Decisions.Select(d => d.TimeSeconds), skipped.Decisions.Select(d => d.TimeSeconds), new ToleranceComparer(1e-9));
        Assert.Equal(stepped.Tracer, skipped.Tracer, 9);
    }
}
