using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Tests;

/// <summary>
/// Runs measured on the host's clock: they run alone, after the parallel tests of this assembly, because a
/// busy process (other tests' threads, their garbage collections) delays every wake-up of a live replay.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    public const string Name = "wall clock";
}

[Collection(WallClockCollection.Name)]
public sealed class LiveReplayTests
{
    [Fact]
    public void ALiveProfileReplayMatchesTheSimulatedClockBelowCapacity()
    {
        // Workers sleep for the profiled time on the wall clock; below capacity every job should be served as on the simulated clock.
        string[] common = ["policies=[none, dynamic]", "workload.loads_qps=[40]", "workload.trace.duration_s=4", "scheduler.decision_time=none"];
        ExperimentConfig live = ConfigLoader.Load(Repo.PathOf("experiments/configs/smoke.yaml"), [.. common, "executor.clock=wall"]);
        ExperimentConfig simulated = ConfigLoader.Load(Repo.PathOf("experiments/configs/smoke.yaml"), common);
        Assert.True(live.LiveReplay);
        var started = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<RunOutcome> wall = ExperimentRunner.Run(live);
        Assert.True(started.Elapsed.TotalSeconds >= 7.5, "two live runs of a 4-second trace cannot finish much sooner");
        IReadOnlyList<RunOutcome> virtualClock = ExperimentRunner.Run(simulated);
        for (int i = 0; i < wall.Count; i++)
        {
            RunSummary w = wall[i].Result.Summary;
            RunSummary v = virtualClock[i].Result.Summary;
            Assert.True(w.ConservationHolds);
            Assert.Equal(v.SubmittedRequests, w.SubmittedRequests);
            Assert.True(w.SimulatedEndSeconds >= 4);
            if (wall[i].Run.Policy == "none")
            {
                // Workers sleep until the profiled finish time, so a stall can only make jobs later: the live run serves at most
                // what the simulated clock does, at the same accuracy. How much less depends on the host (1.000 on an idle
                // 2-core machine, lower when other processes stall it) — a measurement `mosel fidelity` reports, not a property.
                Assert.True(w.ThroughputRps <= v.ThroughputRps * 1.0001, $"live {w.ThroughputRps:0.0} req/s > simulated {v.ThroughputRps:0.0}");
                Assert.Equal(v.MeanServedAccuracy, w.MeanServedAccuracy, 12);
            }
        }
    }

    [Fact]
    public void ALiveReplayWithRealForwardPassesKeepsEveryJob()
    {
        // Real forward passes on a worker thread while the scheduler keeps running.
        ExperimentConfig torch = ConfigLoader.Load(Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml"),
            ["executor.clock=wall", "workload.trace.duration_s=3", "workload.loads_qps=[200]", "policies=[dynamic]"]);
        var started = System.Diagnostics.Stopwatch.StartNew();
        RunSummary real = ExperimentRunner.Run(torch)[0].Result.Summary;
        Assert.True(started.Elapsed.TotalSeconds >= 2.5, "a live run of a 3-second trace cannot finish much sooner");
        Assert.True(real.ConservationHolds);
        Assert.True(real.SubmittedRequests > 300, $"only {real.SubmittedRequests} requests");
        Assert.Equal(1.0, real.ShareJobsMeetingTarget);
        // Why 10 % and not half: the met share measures the host, not Mosel. On an idle 2-core machine 95-99 % are met;
        // with both cores taken by other processes (another test assembly, a busy shared host) 6 % were (36 of 600),
        // because libtorch's forward passes then take 5-25x their profiled time. A bound between those two says
        // which host ran the test. What 10 % does catch is the replay itself going wrong: a clock that starts early
        // or a worker that waits on the wrong time puts every deadline in the past, and then nothing is met.
        // How well live execution matches the simulation is `mosel fidelity`'s measurement, not this test's.
        Assert.True(real.MetRequests > real.SubmittedRequests / 10, $"met {real.MetRequests} of {real.SubmittedRequests}");
    }
}
