using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>
/// Each rule of the reference engine on a timeline computed by hand (profile: a+b 10 ms and a 3 ms per request, accuracy
/// 0.8 and 0.75; no warm-ups and no monitor cost unless said; the maximize monitor sleeps its 2-ms floor throughout).
/// </summary>
public class ReferenceEngineTests
{
    [Fact]
    public void TheCodedDetectorFindsAViolatorLateByTheRunningJobsElapsedTime()
    {
        // Job 0 (4 requests, 40 ms) starts at 0 through the idle path. Job 1 (1 request) is created at 21 ms and pulled
        // at 22 ms: deadline 21 + 10 + 8 = 39 ms, extended by (22 - 21) + 5 to 45 ms. The worker is free at 40 ms, so job 1
        // would end at 50 ms: a violator by 5 ms. The coded estimate subtracts the 22 ms job 0 has run: 18 + 10 = 28 ms,
        // no violator, and it only gets earlier while job 0 runs; job 1 is dispatched at 24 ms, untouched.
        JobArrival[] arrivals = [new(0, 4, 0.7), new(0.021, 1, 0.7)];
        var fixedPlanner = new HandPlanner(ReferenceRun.Truth);
        (_, ListRecorder fixedRun) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 8) with { LateDetector = false }, fixedPlanner, arrivals);
        var codedPlanner = new HandPlanner(ReferenceRun.Truth);
        (_, ListRecorder codedRun) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 8), codedPlanner, arrivals);

        // Fixed: re-planned at 22 ms within 0.91 x (10 - 5) ms, moved to a (3 ms), run 40..43 ms.
        double budget = Assert.Single(fixedPlanner.Budgets);
        Assert.Equal(0.91 * 0.005, budget, 9);
        DecisionRecord decision = Assert.Single(fixedRun.Decisions);
        Assert.Equal((0.022, DecisionPath.Exact, 0.75), (decision.TimeSeconds, decision.Path, decision.Objective));
        Assert.Equal(0.75, fixedRun.Job(1).ServedAccuracy);
        Assert.Equal(0.043, fixedRun.Job(1).FinishSeconds, 9);

        // As coded: never re-planned, run 40..50 ms on a+b (the worker keeps it: 50 <= 45 + 12).
        Assert.Empty(codedPlanner.Budgets);
        Assert.Equal(0.8, codedRun.Job(1).ServedAccuracy);
        Assert.Equal(0.050, codedRun.Job(1).FinishSeconds, 9);
        Assert.Equal(JobOutcome.Late, codedRun.Job(1).Outcome);
    }

    [Fact]
    public void ALateHeadDroppedByAnIdleWorkerDoesNotOpenTheIdlePathAndTheSolveHoldsTheMonitor()
    {
        // A (5 requests, 50 ms) at 0 goes through the idle path and runs 0..50 ms. B, C, D (1 request, 10 ms each; slack 0)
        // are created at 1 ms and pulled at 2 ms: deadline 1 + 10 = 11 ms, extended by 1 + 5 to 17 ms. At 2 ms nothing is
        // dispatched and the counter holds A's 50 ms: no idle path; detect_delay (coded: 0 + 50 - 2 = 48 ms) finds B
        // ending at 58 > 17 (diff -41); no plan fits 0.91 x (10 - 41) ms, random_fill drops B; the 50-ms solve holds the
        // monitor to 52 ms, where A has finished and reset the counter: the sleep is its 2-ms floor. At 54 ms C is
        // dispatched into the idle worker, which drops it at once (54 + 10 > 17 + 12) and resets the counter — but the
        // counter the idle path reads still holds C's 10 ms, so no idle path: detect_delay (idle: 54 + 3 + 3 = 60 ms)
        // flags D (70 > 17, diff -53), random_fill drops it and the monitor is held to 104 ms. E, created at 55 ms, is
        // pulled at 106 ms; nothing was dispatched then and the counter is 0, so the idle path sends E at once.
        // (The rule the engine had before sent D through the idle path at 54 ms and E at 56 ms, with one solve.)
        JobArrival[] arrivals = ReferenceRun.LateHeads;
        var planner = new HandPlanner(ReferenceRun.Truth);
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 0) with { SolveSeconds = 0.050 }, planner, arrivals);

        Assert.Equal([0.91 * (0.010 - 0.041), 0.91 * (0.010 - 0.053)], planner.Budgets, new ToleranceComparer(1e-12));
        Assert.Equal([0.002, 0.054], run.Decisions.Select(d => d.TimeSeconds), new ToleranceComparer(1e-12));
        Assert.Equal([[1], [3]], run.Decisions.Select(d => d.DroppedJobIds.ToArray()));
        Assert.All(run.Decisions, d => Assert.Equal(0.050, d.ChargedSeconds, 12));
        Assert.Equal(JobOutcome.Met, run.Job(0).Outcome);
        Assert.Equal([JobOutcome.Dropped, JobOutcome.Dropped, JobOutcome.Dropped], [run.Job(1).Outcome, run.Job(2).Outcome, run.Job(3).Outcome]);
        Assert.Equal([0.002, 0.054, 0.054], [run.Job(1).FinishSeconds, run.Job(2).FinishSeconds, run.Job(3).FinishSeconds], new ToleranceComparer(1e-12));
        Assert.Equal(DecisionPath.Greedy, run.Job(3).DecisionPath);
        Assert.Equal(0.106, run.Job(4).StartSeconds, 12);
        Assert.Equal(0.116, run.Job(4).FinishSeconds, 12);
        Assert.True(result.Summary.ConservationHolds);
    }

    [Fact]
    public void WhenTheWorkerWaitsForTheMonitorDetectDelayStillCountsTheHeadJustSent()
    {
        // The scenario above, read strictly: at 54 ms the worker has not yet seen C when detect_delay runs, so the counter
        // still holds C's 10 ms (the idle worker reset its start time): D is estimated to end at 54 + 3 + 10 + 3 + 10 = 80 ms,
        // diff 17 - 80 = -63 ms. Then the worker takes C and drops it, all at 54 ms.
        JobArrival[] arrivals = ReferenceRun.LateHeads;
        var planner = new HandPlanner(ReferenceRun.Truth);
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 0) with { SolveSeconds = 0.050, WorkerWaitsForMonitor = true },
            planner, arrivals);

        Assert.Equal([0.91 * (0.010 - 0.041), 0.91 * (0.010 - 0.063)], planner.Budgets, new ToleranceComparer(1e-12));
        Assert.Equal(0.054, run.Job(2).FinishSeconds, 12);
        Assert.Equal(JobOutcome.Dropped, run.Job(2).Outcome);
        Assert.Equal(0, run.Job(0).StartSeconds);
        Assert.Equal(0.106, run.Job(4).StartSeconds, 12);
    }

    [Fact]
    public void TheSolveOverheadHoldsTheMonitorBeyondTheSolveAndTheLoopCostOnEveryIteration()
    {
        // As above with a 1-ms loop and a 3-ms solve overhead. 0 ms: the idle path sends A; asleep at 1 ms (wait 50 - 1,
        // 0.7 x 49 - 50 ms left of the budget < 2: floor), awake at 3 ms: B, C, D pulled (deadline 1 + 10 + 2 + 5 = 18 ms),
        // B flagged (0 + 50 - 3 + 10 = 57 ms) and dropped after a solve that holds the monitor 50 + 3 ms; asleep at
        // 3 + 53 + 1 = 57 ms (A done, idle: floor), awake at 59 ms: C dropped by the worker, D flagged and dropped.
        JobArrival[] arrivals = ReferenceRun.LateHeads[..4];
        var planner = new HandPlanner(ReferenceRun.Truth);
        ReferenceSettings settings = ReferenceRun.Settings(ReferenceMode.Maximize, 0) with
        {
            SolveSeconds = 0.050, SolveOverheadSeconds = 0.003, MaximizeLoopSeconds = 0.001,
        };
        (_, ListRecorder run) = ReferenceRun.Run(settings, planner, arrivals);

        Assert.Equal([0.91 * (0.010 - 0.039), 0.91 * (0.010 - 0.057)], planner.Budgets, new ToleranceComparer(1e-12));
        Assert.Equal([0.003, 0.059], run.Decisions.Select(d => d.TimeSeconds), new ToleranceComparer(1e-12));
        Assert.All(run.Decisions, d => Assert.Equal(0.050, d.ChargedSeconds, 12));
    }

    [Fact]
    public void TheSleepReadsTheWorkersStateAsItIsWhenTheMonitorGoesToSleep()
    {
        // Estimates are a third of the truth (10 ms per request against 29.5), slack 100 ms, a 10-ms loop, the detector fixed.
        // X and Z (9 requests: 90 ms estimated, 265.5 ms true) at 0: the idle path sends X (budget left 10 ms); asleep at
        // 10 ms: 0.7 x (90 - 10) - 10 = 46 ms, so Z goes into the FIFO at 56 ms (counter 180 ms); asleep at 66 ms: floor,
        // and the quiet iterations (12 ms apart) run on to 260 ms. X finishes at 265.5 ms: the counter drops by
        // 2 x 90 - 265.5, to 265.5 ms, and Z starts. The monitor goes to sleep at 270 ms and reads that: wait =
        // 265.5 - (270 - 265.5) = 261 ms, sleep 0.7 x 261 - 100 = 82.7 ms. W (1 request) created at 271 ms is pulled at
        // 352.7 ms and flagged at once (Z ends at 531 ms): the decision's time shows when the monitor woke. Read at the
        // iteration's start instead (counter 180 ms, X's start 0) the sleep would have been the 2-ms floor: W at 272 ms.
        var truth = new LatencyModel(TestProfiles.Linear(msPerRequestAb: 29.5), Precision.Fp32);
        var planner = new HandPlanner(ReferenceRun.Truth);
        ReferenceSettings settings = ReferenceRun.Settings(ReferenceMode.Maximize, 100) with { MaximizeLoopSeconds = 0.010, LateDetector = false };
        JobArrival[] arrivals = [new(0, 9, 0.7), new(0, 9, 0.7), new(0.271, 1, 0.7)];
        var recorder = new ListRecorder();
        var simulation = new ReferenceSimulation(settings, planner, new ProfileReplayExecutor(truth, 0, new Random(1)),
            new ListArrivals(0.272, arrivals), truth, FrozenClock.Instance, recorder);
        simulation.Run();

        Assert.Equal(0.3527, Assert.Single(recorder.Decisions).TimeSeconds, 9);
        Assert.Equal(0.2655, recorder.Job(1).StartSeconds, 9);
    }

    [Fact]
    public void TheIdlePathSendsAJobOfAtLeast100MsToItsCheapestCell()
    {
        // 12 requests on a+b would take 120 ms, not below the 100-ms budget: it goes on a (36 ms) at once.
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 17), new HandPlanner(ReferenceRun.Truth), new JobArrival(0, 12, 0.7));

        JobRecord job = run.Job(0);
        Assert.Equal(DecisionPath.Idle, job.DecisionPath);
        Assert.Equal(0.75, job.ServedAccuracy);
        Assert.Equal(0, job.StartSeconds);
        Assert.Equal(0.036, job.FinishSeconds, 9);
    }

    [Fact]
    public void TheCodedIdlePathTakesEveryOtherJob()
    {
        // Three 20-ms jobs with one deadline, pulled together into an idle engine. As coded the idle path sends jobs 0 and 2
        // (the index moves on after each removal); job 1 follows one iteration (2 ms) later, so it runs last.
        JobArrival[] arrivals = [new(0, 2, 0.7), new(0, 2, 0.7), new(0, 2, 0.7)];
        (_, ListRecorder coded) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 1000), new HandPlanner(ReferenceRun.Truth), arrivals);
        (_, ListRecorder fixedRun) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 1000) with { IdleEveryOther = false },
            new HandPlanner(ReferenceRun.Truth), arrivals);

        Assert.Equal([0, 0.040, 0.020], [coded.Job(0).StartSeconds, coded.Job(1).StartSeconds, coded.Job(2).StartSeconds], new ToleranceComparer(1e-9));
        Assert.Equal([0, 0.020, 0.040], [fixedRun.Job(0).StartSeconds, fixedRun.Job(1).StartSeconds, fixedRun.Job(2).StartSeconds], new ToleranceComparer(1e-9));
    }

    [Fact]
    public void RandomFillDropsTheViolatorAndKeepsTheDowngradesItMadeOnTheWay()
    {
        // Job 0 (2 requests, 20 ms) starts at 0. Jobs 1 (1 request, target 0.7) and 2 (2 requests, target 0.78) are created
        // at 1 ms, pulled at 2 ms: deadlines 1 + 10 + 13 + 6 = 30 ms and 1 + 20 + 13 + 6 = 40 ms. Coded estimate: 20 - 2 = 18 ms,
        // so job 1 ends at 28 (fine) and job 2 at 48: diff = -8 ms. The solver finds no plan; random_fill moves job 1 to a
        // (saves 7 ms: diff -1), job 2 cannot go below a+b at its target, so job 2 is dropped and job 1 stays on a.
        JobArrival[] arrivals = [new(0, 2, 0.7), new(0.001, 1, 0.7), new(0.001, 2, 0.78)];
        var planner = new HandPlanner(ReferenceRun.Truth, solverFails: true);
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 13), planner, arrivals);

        Assert.Equal(0.91 * (0.030 - 0.008), Assert.Single(planner.Budgets), 9);
        DecisionRecord decision = Assert.Single(run.Decisions);
        Assert.Equal(DecisionPath.Greedy, decision.Path);
        Assert.Equal([1], decision.ChangedJobIds);
        Assert.Equal([2], decision.DroppedJobIds);
        Assert.Equal(JobOutcome.Dropped, run.Job(2).Outcome);
        Assert.Equal(0.002, run.Job(2).FinishSeconds, 9);
        // Job 1 runs 20..23 ms on a, before its deadline of 24 ms.
        Assert.Equal(JobOutcome.Met, run.Job(1).Outcome);
        Assert.Equal(0.75, run.Job(1).ServedAccuracy);
        Assert.Equal(0.023, run.Job(1).FinishSeconds, 9);
        Assert.True(result.Summary.ConservationHolds);
    }

    [Fact]
    public void NoPolicysSleepStarvesTheWorkerWhileJobsWait()
    {
        // Four 10-ms jobs at 0. The first iteration only pulls them (sleep 0.2 ms). Then each dispatch sleeps 0.75 x the
        // backlog just after it: job 0 at 0.2 ms (backlog 10: sleep 7.5), job 1 at 7.7 ms (backlog 20: sleep 15), job 2 at
        // 22.7 ms — the worker finished job 1 at 20.2 ms and sat idle for 2.5 ms with two jobs waiting.
        JobArrival[] arrivals = [new(0, 1, 0.7), new(0, 1, 0.7), new(0, 1, 0.7), new(0, 1, 0.7)];
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.NoPolicy, 10_000), new HandPlanner(ReferenceRun.Truth), arrivals);

        Assert.Equal([0.0002, 0.0102, 0.0227, 0.0327], Enumerable.Range(0, 4).Select(id => run.Job(id).StartSeconds), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void NoPolicyPullsAtMostThirtyJobsAnIteration()
    {
        // 30 jobs of 2 requests (deadline 20 ms + slack) and a 31st of 1 request (10 ms + slack), all at 0. The first iteration
        // pulls 30; the 31st is pulled at 0.2 ms (after the floor sleep), where job 0 goes to the worker (sleep 0.75 x 20 ms),
        // and it heads the list by its deadline: dispatched at 15.2 ms, it runs when job 0 is done, at 20.2 ms. Pulled with
        // the others it would have been the head at 0.2 ms.
        JobArrival[] arrivals = [.. Enumerable.Repeat(new JobArrival(0, 2, 0.7), 30), new(0, 1, 0.7)];
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.NoPolicy, 1000), new HandPlanner(ReferenceRun.Truth), arrivals);

        Assert.Equal(0.0002, run.Job(0).StartSeconds, 12);
        Assert.Equal(0.0202, run.Job(30).StartSeconds, 12);
    }

    [Fact]
    public void MaximizePullsAtMostTwentyJobsAnIteration()
    {
        // 20 jobs of 12 requests (120 ms: the idle path sends job 0 on a, 36 ms, and stops) and a 21st of 1 request, all at
        // 0; the slack (10 s) leaves no violator. The 21st is pulled at 2 ms (floor sleep: 0.7 x 36 - 100 < 2), heads the list and follows job 1 (sent at 2 ms)
        // at 4 ms: it runs after jobs 0 (0..36 ms) and 1 (36..156 ms). Pulled at 0 it would have gone first, at 0.
        JobArrival[] arrivals = [.. Enumerable.Repeat(new JobArrival(0, 12, 0.7), 20), new(0, 1, 0.7)];
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 10_000), new HandPlanner(ReferenceRun.Truth), arrivals);

        Assert.Empty(run.Decisions);

        Assert.Equal([0, 0.036, 0.156], [run.Job(0).StartSeconds, run.Job(1).StartSeconds, run.Job(20).StartSeconds], new ToleranceComparer(1e-12));
    }

    [Fact]
    public void TheIdlePathStopsAfterTheFirstJobThatDoesNotFitItsBudget()
    {
        // Sizes 1, 5, 9 and 10 at 0 (10, 50, 90 and 100 ms; EDF in that order), consecutive (fix_idle_skip): 10 and 50 ms fit
        // the 100-ms budget (40 ms left), the 90-ms job does not and goes at its cheapest cell (a, 27 ms); the loop stops, so
        // the 100-ms job waits for the next iteration and goes on its starting cell (a+b).
        JobArrival[] arrivals = [new(0, 10, 0.7), new(0, 9, 0.7), new(0, 5, 0.7), new(0, 1, 0.7)];
        (_, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 1000) with { IdleEveryOther = false },
            new HandPlanner(ReferenceRun.Truth), arrivals);

        Assert.Equal([0.8, 0.8, 0.75, 0.8], [run.Job(3).ServedAccuracy, run.Job(2).ServedAccuracy, run.Job(1).ServedAccuracy, run.Job(0).ServedAccuracy]);
        Assert.Equal([DecisionPath.Idle, DecisionPath.None], [run.Job(1).DecisionPath, run.Job(0).DecisionPath]);
        // The worker's order: 10, 50, then 27 ms, then the 100-ms job.
        Assert.Equal([0, 0.010, 0.060, 0.087], [run.Job(3).StartSeconds, run.Job(2).StartSeconds, run.Job(1).StartSeconds, run.Job(0).StartSeconds],
            new ToleranceComparer(1e-12));
    }

    [Fact]
    public void TheWorkerResetsTheCounterWhenItsQueueEmptiesThoughTheEstimatesDrifted()
    {
        // Estimates a third of the truth. X (1 request: 10 ms estimated, 29.5 true) goes through the idle path at 0; the
        // quiet iterations run 2 ms apart to 30 ms. X's completion at 29.5 ms takes 2 x 10 - 29.5 off the counter (19.5 ms
        // left) and, the FIFO empty, resets it to 0. W, created at 101 ms, is pulled at 102 ms (30 + 2 + 35 x 2) with the
        // counter at 0, so the idle path sends it at once. Without the reset it would wait for the next iteration.
        var truth = new LatencyModel(TestProfiles.Linear(msPerRequestAb: 29.5), Precision.Fp32);
        var recorder = new ListRecorder();
        var simulation = new ReferenceSimulation(ReferenceRun.Settings(ReferenceMode.Maximize, 1000), new HandPlanner(ReferenceRun.Truth),
            new ProfileReplayExecutor(truth, 0, new Random(1)), new ListArrivals(0.102, [new(0, 1, 0.7), new(0.101, 1, 0.7)]), truth, FrozenClock.Instance, recorder);
        simulation.Run();

        Assert.Equal(0.0295, recorder.Job(0).FinishSeconds, 12);
        Assert.Equal(0.102, recorder.Job(1).StartSeconds, 9);
    }

    [Fact]
    public void RandomFillStopsOnceItsDowngradesCoverTheDeficit()
    {
        // As the drop case, but job 2 may go on a too (target 0.7): moving job 1 saves 7 ms (diff -1), job 2 saves 14 (diff 13):
        // no drop. Jobs 1 and 2 run on a after job 0: 20..23 and 23..29 ms, within their deadlines (24 and 34 ms).
        JobArrival[] arrivals = [new(0, 2, 0.7), new(0.001, 1, 0.7), new(0.001, 2, 0.7)];
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 13), new HandPlanner(ReferenceRun.Truth, solverFails: true), arrivals);

        DecisionRecord decision = Assert.Single(run.Decisions);
        Assert.Equal([1, 2], decision.ChangedJobIds);
        Assert.Empty(decision.DroppedJobIds);
        Assert.Equal([0.023, 0.029], [run.Job(1).FinishSeconds, run.Job(2).FinishSeconds], new ToleranceComparer(1e-12));
        Assert.Equal([JobOutcome.Met, JobOutcome.Met], [run.Job(1).Outcome, run.Job(2).Outcome]);
        Assert.Equal(0, result.Summary.DroppedRequests);
    }

    [Fact]
    public void TheTracerCountsRequestsByItsOwnWindowsAndStopsAfterThreeEmptyReads()
    {
        // (10 submitted, 5 processed) 0.5; (0, 3) 0.01 and a second empty read; (4, 0) 0.99; (0, 0) no ratio, the third
        // empty read: stop, so the last window is never read.
        TracerWindow[] windows = [new(10, 5), new(0, 3), new(4, 0), new(0, 0), new(10, 10)];
        Assert.Equal((0.5 + 0.01 + 0.99) / 3, ReferenceTracer.MeanViolationRatio(windows), 12);
        Assert.True(double.IsNaN(ReferenceTracer.MeanViolationRatio([])));
        Assert.Null(ReferenceTracer.Ratio(default));
        Assert.Equal(0, ReferenceTracer.Ratio(new TracerWindow(4, 9)));
    }

    [Fact]
    public void TheTracerStartsFiveSecondsInAndCountsASubmissionWhenTheNextJobIsCreated()
    {
        // Job 0 (created at 1 s) runs before the tracer starts, but its submission is counted when job 1 is created, at
        // 6 s; job 1's when the offered window ends (6.001 s); job 1 is processed at about 6.01 s. One window [5, 9):
        // 2 submitted, 1 processed: 0.5. The deadline form by met requests sees both met: 0.
        (RunResult result, _) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.Maximize, 17), new HandPlanner(ReferenceRun.Truth),
            new JobArrival(1, 1, 0.7), new JobArrival(6, 1, 0.7));

        Assert.Equal(0.5, result.Summary.WindowViolationRatioRef, 12);
        Assert.Equal(0, result.Summary.ViolationRatio);
    }

    [Fact]
    public void WarmUpJobsRunBeforeTheLoadAndCountOnlyInTheTracer()
    {
        // Four 32-request warm-ups at -8, -6, -4 and -2 s (320 ms each on a+b, below their 4-s deadline); the tracer starts at
        // -3 s, so it counts the last one as processed in its first window [-3, 1), where nothing is submitted: 0.01.
        (RunResult result, ListRecorder run) = ReferenceRun.Run(ReferenceRun.Settings(ReferenceMode.NoPolicy, 17) with { WarmUpJobs = 4 },
            new HandPlanner(ReferenceRun.Truth), new JobArrival(2, 1, 0.7));

        Assert.Equal(1, result.Summary.SubmittedJobs);
        Assert.Single(run.Jobs);
        Assert.Equal((0.01 + 0) / 2, result.Summary.WindowViolationRatioRef, 12);
    }

    [Theory]
    [InlineData(ReferenceMode.NoPolicy)]
    [InlineData(ReferenceMode.Maximize)]
    public void EveryRequestIsAccountedForAndTheSameSeedGivesTheSameRun(ReferenceMode mode)
    {
        RunSummary Once()
        {
            var targets = new AccuracyTargets(0.7, 0.7, false, SeedStreams.Create(5, "targets"));
            var arrivals = new ProducerArrivals(Enumerable.Repeat(80.0, 20).ToArray(), JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate),
                targets, ProducerTiming.Default, SeedStreams.Create(5, "arrivals"));
            var settings = new ReferenceSettings { Mode = mode, DrainSeconds = 0.5 };
            var simulation = new ReferenceSimulation(settings, new HandPlanner(ReferenceRun.Truth), new Engine.ProfileReplayExecutor(ReferenceRun.Truth, 0.2, new Random(3)),
                arrivals, ReferenceRun.Truth, Engine.FrozenClock.Instance);
            return simulation.Run().Summary;
        }

        RunSummary first = Once();
        RunSummary second = Once();
        Assert.True(first.ConservationHolds);
        Assert.True(first.LateRequests + first.DroppedRequests > 0, "80 req/s overloads this profile's 100 req/s a+b worker with its monitor's pace");
        Assert.Equal((first.MetRequests, first.LateRequests, first.DroppedRequests, first.QueuedRequestsAtEnd, first.WindowViolationRatioRef, first.Decisions),
            (second.MetRequests, second.LateRequests, second.DroppedRequests, second.QueuedRequestsAtEnd, second.WindowViolationRatioRef, second.Decisions));
    }
}
