using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>
/// How the engine carries out a policy's decisions (changes, drops, triggers, monitor ticks, worker free times) and how
/// every summary and window metric counts the outcome. The profile is <see cref="TestProfiles.Linear"/>: per request
/// a+b 10 ms / 0.8, a 3 ms / 0.75, b 6 ms / 0.6; configurations in profile order a+b, a, b. Every value is worked by hand.
/// </summary>
public sealed class PolicyDecisionTests
{
    private static readonly ModelProfile s_profile = TestProfiles.Linear();
    private static readonly LatencyModel s_truth = new(s_profile, Precision.Fp32);

    private static (RunResult Result, ListRecorder Recorder) Run(ScriptedPolicy policy, SimulationSettings settings, params JobArrival[] arrivals) =>
        ReplayRun.Run(policy, s_truth, settings, new ListArrivals(10, arrivals));

    private static PolicyDecision Decision(DecisionPath path, StrategyChange[] changes, Job[] drops, double objective = double.NaN) =>
        new(path, changes, drops, objective);

    [Fact]
    public void ChangesAndDropsAreAppliedAndEverySummaryAndWindowMetricCountsThem()
    {
        // One worker, slack 0.25 s, 4-s windows.
        // Job 0: t = 0, 2 requests, target 0.7: runs a+b [0, 0.02], met, served 0.8 (meets its target).
        // Job 1: t = 0.001, 3 requests, target 0.7: on its arrival the policy moves it to b x 3 (18 ms, 0.6); it runs
        //   [0.02, 0.038], met, served 0.6 (misses its target).
        // Job 2: t = 0.002, 1 request: on its arrival the policy repeats job 1's change (the same strategy: not a second
        //   change) and drops jobs 0 (running: not interrupted) and 2 (queued: dropped at 0.002).
        // Job 3: t = 5, 1 request, target 0.9: on dispatch the policy moves it to a (3 ms, 0.75); runs [5, 5.003], met.
        Strategy bThree = Strategy.Uniform(2, 3, s_truth);
        Strategy aOne = Strategy.Uniform(1, 1, s_truth);
        var policy = new ScriptedPolicy(s_truth);
        Job? job0 = null;
        Job? job1 = null;
        policy.OnArrivalOf[0] = (job, _) =>
        {
            job0 = job;
            return PolicyDecision.Unchanged;
        };
        policy.OnArrivalOf[1] = (job, _) =>
        {
            job1 = job;
            return Decision(DecisionPath.Greedy, [new StrategyChange(job, bThree)], [], 0.6);
        };
        policy.OnArrivalOf[2] = (job, _) => Decision(DecisionPath.Greedy, [new StrategyChange(job1!, bThree)], [job0!, job]);
        policy.OnDispatchOf[3] = (job, _) => Decision(DecisionPath.Exact, [new StrategyChange(job, aOne)], []);

        (RunResult result, ListRecorder recorder) = Run(policy, new SimulationSettings { SlackSeconds = 0.25 },
            new JobArrival(0, 2, 0.7), new JobArrival(0.001, 3, 0.7), new JobArrival(0.002, 1, 0.5), new JobArrival(5, 1, 0.9));

        JobRecord[] jobs = recorder.Jobs.OrderBy(j => j.Id).ToArray();
        Assert.Equal([JobOutcome.Met, JobOutcome.Met, JobOutcome.Dropped, JobOutcome.Met], jobs.Select(j => j.Outcome));
        Assert.Equal([0.02, 0.038, 0.002, 5.003], jobs.Select(j => j.FinishSeconds), new ToleranceComparer(1e-12));
        Assert.Equal([0, 1, 0, 1], jobs.Select(j => j.Changes));
        Assert.Equal([DecisionPath.None, DecisionPath.Greedy, DecisionPath.None, DecisionPath.Exact], jobs.Select(j => j.DecisionPath));
        Assert.Equal([0.8, 0.6, 0.75], jobs.Where(j => j.Outcome == JobOutcome.Met).Select(j => j.ServedAccuracy));

        RunSummary summary = result.Summary;
        Assert.True(summary.ConservationHolds);
        Assert.Equal((4L, 7L, 3L, 6L, 0L, 0L, 1L, 1L), (summary.SubmittedJobs, summary.SubmittedRequests, summary.MetJobs, summary.MetRequests,
            summary.LateJobs, summary.LateRequests, summary.DroppedJobs, summary.DroppedRequests));
        Assert.Equal(((0.8 * 2) + (0.6 * 3) + 0.75) / 6, summary.MeanServedAccuracy, 12);   // 4.15 / 6
        Assert.Equal(1.0 / 3, summary.ShareJobsMeetingTarget, 12);                          // job 0 only
        Assert.Equal([2L, 1L, 3L], summary.FinishedRequestsPerConfiguration);
        Assert.Equal((0.02 + 0.037 + 0.003) / 3, summary.JctMeanSeconds, 12);
        Assert.Equal(3, summary.Decisions);
        Assert.Equal(new Dictionary<string, long> { ["exact"] = 1, ["greedy"] = 2 }, summary.DecisionsByPath);
        Assert.Equal(0, summary.DecisionWallP50Seconds);                                   // a frozen clock: every decision took 0 s
        // Window 0 misses 1 of 6 requests, window 1 none: (1/6 + 0) / 2.
        Assert.Equal(1.0 / 12, summary.WindowViolationRatioMet, 12);

        Assert.Equal(2, result.Windows.Count);
        WindowStats first = result.Windows[0];
        WindowStats second = result.Windows[1];
        Assert.Equal((0.0, 3L, 6L, 5L, 1L), (first.StartSeconds, first.SubmittedJobs, first.SubmittedRequests, first.MetRequests, first.DroppedRequests));
        Assert.Equal((0.8 * 2) + (0.6 * 3), first.ServedAccuracySum, 12);
        Assert.Equal([2L, 0L, 3L], first.FinishedRequestsPerConfiguration);
        Assert.Equal((4.0, 1L, 1L, 1L, 0L), (second.StartSeconds, second.SubmittedJobs, second.SubmittedRequests, second.MetRequests, second.DroppedRequests));
        Assert.Equal(0.75, second.ServedAccuracySum, 12);
        Assert.Equal([0L, 1L, 0L], second.FinishedRequestsPerConfiguration);

        // Finished requests by their job's exact served accuracy: 0.6 x 3, 0.75 x 1, 0.8 x 2, ascending.
        Assert.Equal([new AccuracyMass(0.6, 3), new AccuracyMass(0.75, 1), new AccuracyMass(0.8, 2)], result.JobAccuracyDistribution);

        Assert.Equal(["arrival", "arrival", "dispatch"], recorder.Decisions.Select(d => d.Trigger));
        Assert.Equal([0.001, 0.002, 5.0], recorder.Decisions.Select(d => d.TimeSeconds));
        Assert.Equal([0, 2], recorder.Decisions[1].DroppedJobIds);   // as the policy said; only job 2 was actually dropped
        Assert.Equal([1], recorder.Decisions[1].ChangedJobIds);
    }

    [Fact]
    public void AServedAccuracyOfOneIsKeptExactly()
    {
        ModelProfile perfect = ModelProfile.Create("perfect", ["x"], AccuracyMetric.Default, new Dictionary<string, double> { ["x"] = 1.0 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable> { ["x"] = LatencyTable.Create("x", [1, 4], [1, 4]) },
            }, "test", "test");
        var truth = new LatencyModel(perfect, Precision.Fp32);
        (RunResult result, _) = ReplayRun.Run(new AllModalitiesTestPolicy(truth), truth, new SimulationSettings(),
            new ListArrivals(10, new JobArrival(0, 3, 1.0)));
        Assert.Equal([new AccuracyMass(1.0, 3)], result.JobAccuracyDistribution);
        Assert.Equal(1.0, result.Summary.ShareJobsMeetingTarget);
    }

    [Fact]
    public void ARunWithNoJobsHasNoAccuraciesAndNoViolations()
    {
        (RunResult result, _) = Run(new ScriptedPolicy(s_truth), new SimulationSettings());
        Assert.Equal(0, result.Summary.SubmittedJobs);
        Assert.True(double.IsNaN(result.Summary.MeanServedAccuracy));
        Assert.True(double.IsNaN(result.Summary.ShareJobsMeetingTarget));
        Assert.Equal(0, result.Summary.WindowViolationRatioMet);
        Assert.Equal(0, result.Summary.ViolationRatio);
    }

    [Fact]
    public void MonitorTicksComeEveryIntervalWhileWorkIsPendingAndTheirDecisionsAreApplied()
    {
        // Interval 1/4 s. Job 0 arrives at 0 (first tick due at 0.25); ticks keep coming while job 1 (t = 0.875) is pending:
        // 0.25, 0.5, 0.75, then 1.0 (scheduled at 0.75). At 1.0 nothing is queued or pending, so the ticks stop.
        // The tick at 0.5 decides something (a greedy pass that changes nothing): it is charged and recorded as a tick.
        var policy = new ScriptedPolicy(s_truth);
        policy.Tick = snapshot => snapshot.NowSeconds == 0.5 ? Decision(DecisionPath.Greedy, [], []) : PolicyDecision.Unchanged;
        (RunResult result, ListRecorder recorder) = Run(policy, new SimulationSettings { MonitorIntervalSeconds = 0.25 },
            new JobArrival(0, 1, 0.5), new JobArrival(0.875, 1, 0.5));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], policy.TickTimes);
        DecisionRecord tick = Assert.Single(recorder.Decisions);
        Assert.Equal(("tick", 0.5), (tick.Trigger, tick.TimeSeconds));
        Assert.Equal(1, result.Summary.Decisions);
        Assert.Equal(2, result.Summary.MetJobs);
    }

    [Fact]
    public void EachWorkersFreeTimeIsItsRunningJobsEstimatedFinishOrNow()
    {
        // Two workers. Job 0 (1 request, a+b, 10 ms) starts at 0 on worker 0. Job 1 arrives at 0.004: worker 0 is expected
        // free at 0.01, worker 1 (idle) now, 0.004. Job 2 arrives at 0.004 too, after job 1 took worker 1 (until 0.014).
        var policy = new ScriptedPolicy(s_truth);
        _ = Run(policy, new SimulationSettings { Workers = 2 },
            new JobArrival(0, 1, 0.5), new JobArrival(0.004, 1, 0.5), new JobArrival(0.004, 1, 0.5));
        Assert.Equal([0.0, 0.0], policy.WorkerFreeAtOnArrival[0]);
        Assert.Equal([0.01, 0.004], policy.WorkerFreeAtOnArrival[1], new ToleranceComparer(1e-15));
        Assert.Equal([0.01, 0.014], policy.WorkerFreeAtOnArrival[2], new ToleranceComparer(1e-15));
    }

    [Fact]
    public void AStrategyOfTheWrongSizeIsAPolicyBugNamedInOneLine()
    {
        var policy = new ScriptedPolicy(s_truth);
        policy.OnArrivalOf[1] = (job, _) => Decision(DecisionPath.Greedy, [new StrategyChange(job, Strategy.Uniform(1, 1, s_truth))], []);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() =>
            Run(policy, new SimulationSettings(), new JobArrival(0, 1, 0.5), new JobArrival(0, 3, 0.5)));
        Assert.Equal("policy scripted gave job 1 (size 3) a strategy of size 1", error.Message);
    }

    [Fact]
    public void AJobLargerThanTheProfilesLargestBatchIsRefused()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() =>
            Run(new ScriptedPolicy(s_truth), new SimulationSettings(), new JobArrival(0, 33, 0.5)));
        Assert.Equal("job size 33 exceeds the profile's largest batch size 32", error.Message);
    }

    [Fact]
    public void AnEngineNeedsAWorker()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(new ScriptedPolicy(s_truth), new SimulationSettings { Workers = 0 }));
    }

    [Fact]
    public void ALiveReplayWaitsForEachCompletionAndJobsFinishWhenTheServiceSaysSo()
    {
        // Constant 125 ms, one worker, slack 0.15 s; the service runs every job 1.5 x its estimate (187.5 ms).
        // Job 0 arrives at 0 and starts. The engine waits until job 1's arrival (0.0625): no completion by then.
        // Job 1 queues. Job 0 completes at 0.1875 (met); job 1 starts then (predicted 0.3125 <= deadline 0.3375 + grace)
        // and completes at 0.375, past its deadline: late. The replay's time zero was set once.
        var live = new SteppedLiveService(1.5);
        ModelProfile profile = TestProfiles.Constant(125);
        var truth = new LatencyModel(profile, Precision.Fp32);
        (RunResult result, ListRecorder recorder) = ReplayRun.Run(new AllModalitiesTestPolicy(truth), truth,
            new SimulationSettings { SlackSeconds = 0.15 }, new ListArrivals(1, new JobArrival(0, 1, 0), new JobArrival(0.0625, 1, 0)), live);
        Assert.Equal(1, live.ReplaysBegun);
        JobRecord[] jobs = recorder.Jobs.OrderBy(j => j.Id).ToArray();
        Assert.Equal([0.0, 0.1875], jobs.Select(j => j.StartSeconds));
        Assert.Equal([0.1875, 0.375], jobs.Select(j => j.FinishSeconds));
        Assert.Equal([0.1875, 0.1875], jobs.Select(j => j.ActualServiceSeconds));
        Assert.Equal([0.125, 0.125], jobs.Select(j => j.EstimatedServiceSeconds));
        Assert.Equal([JobOutcome.Met, JobOutcome.Late], jobs.Select(j => j.Outcome));
        Assert.True(result.Summary.ConservationHolds);
        Assert.Equal(0.375, result.Summary.SimulatedEndSeconds);
    }
}
