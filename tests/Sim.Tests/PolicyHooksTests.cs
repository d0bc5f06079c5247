using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>The engine calls a policy only where the policy says it can decide something, and skipping the rest changes nothing.</summary>
public sealed class PolicyHooksTests
{
    private static readonly JobArrival[] Arrivals =
        [new(0, 2, 0), new(0.01, 1, 0), new(0.02, 3, 0), new(0.5, 1, 0), new(0.75, 2, 0)];

    [Theory]
    [InlineData(PolicyHooks.None, 0, 0, 0)]
    [InlineData(PolicyHooks.Arrival, 5, 0, 0)]
    [InlineData(PolicyHooks.Dispatch, 0, 5, 0)]
    [InlineData(PolicyHooks.Arrival | PolicyHooks.Tick, 5, 0, 3)]
    [InlineData(PolicyHooks.All, 5, 5, 3)]
    public void OnlyTheDeclaredHooksAreCalled(PolicyHooks hooks, int arrivals, int dispatches, int ticks)
    {
        // Constant 125 ms on one worker, slack 1 s (every job meets its deadline); a tick every 0.25 s while an arrival is pending or a job waits. Ticks fire at 0.25,
        // 0.5 and 0.75 (after the arrivals at those times); at 0.75 nothing is pending and the job that just arrived has
        // started (the worker was free since 0.625), so no tick follows. The monitor runs whether or not the policy is called.
        var truth = new LatencyModel(TestProfiles.Constant(125), Precision.Fp32);
        var policy = new CountingPolicy(truth, hooks);
        (RunResult result, _) = ReplayRun.Run(policy, truth, new SimulationSettings { MonitorIntervalSeconds = 0.25, SlackSeconds = 1 }, new ListArrivals(10, Arrivals));
        Assert.Equal(arrivals, policy.Arrivals);
        Assert.Equal(dispatches, policy.Dispatches);
        Assert.Equal(ticks, policy.Ticks);
        Assert.Equal(5, result.Summary.MetJobs);
    }

    [Fact]
    public void SkippingUnusedHooksLeavesEveryJobRecordAsItWas()
    {
        var truth = new LatencyModel(TestProfiles.Constant(125), Precision.Fp32);
        // Slack 1/16 s: jobs 1 and 2 wait too long and end late or dropped, so every outcome's path is taken.
        var settings = new SimulationSettings { MonitorIntervalSeconds = 0.25, SlackSeconds = 0.0625 };
        (_, ListRecorder skipped) = ReplayRun.Run(new CountingPolicy(truth, PolicyHooks.None), truth, settings, new ListArrivals(10, Arrivals));
        (_, ListRecorder called) = ReplayRun.Run(new CountingPolicy(truth, PolicyHooks.All), truth, settings, new ListArrivals(10, Arrivals));
        Assert.Equal(called.Jobs.Select(Summary), skipped.Jobs.Select(Summary));
        Assert.Contains(skipped.Jobs, j => j.Outcome != JobOutcome.Met);
        Assert.Empty(skipped.Decisions);
    }

    private static string Summary(JobRecord job) =>
        $"{job.Id} {job.Outcome} {job.StartSeconds} {job.FinishSeconds} {job.DeadlineSeconds} {job.ServedAccuracy} {job.Strategy.EstimatedSeconds}";

    /// <summary>Answers every call with "unchanged" and counts the calls.</summary>
    private sealed class CountingPolicy(LatencyModel estimate, PolicyHooks hooks) : ISchedulingPolicy
    {
        public int Arrivals { get; private set; }

        public int Dispatches { get; private set; }

        public int Ticks { get; private set; }

        public string Name => "counting";

        public Precision Precision => estimate.Precision;

        public PolicyHooks Hooks => hooks;

        public Strategy InitialStrategy(int size, double targetAccuracy) => Strategy.Uniform(0, size, estimate);

        public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot)
        {
            Arrivals++;
            return PolicyDecision.Unchanged;
        }

        public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot)
        {
            Dispatches++;
            return PolicyDecision.Unchanged;
        }

        public PolicyDecision OnTick(SchedulerSnapshot snapshot)
        {
            Ticks++;
            return PolicyDecision.Unchanged;
        }
    }
}
