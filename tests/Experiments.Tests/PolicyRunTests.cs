using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;

namespace Mosel.Experiments.Tests;

public sealed class PolicyRunTests
{
    private sealed class Collect : IRunRecorder
    {
        public List<JobRecord> Jobs { get; } = new();

        public void Job(in JobRecord record) => Jobs.Add(record);

        public void Decision(in DecisionRecord record)
        {
        }
    }

    private static ExperimentConfig Heavy(params string[] extra) => ConfigLoader.Load(Repo.PathOf("experiments/configs/smoke.yaml"),
        ["policies=[none, dynamic, dynamic+fp16, aggressive, greedy]", "workload.loads_qps=[60, 200]",
            "workload.accuracy_target.per=job", "scheduler.decision_time=none", .. extra]);

    [Fact]
    public void SelectionPoliciesServeEveryFinishedJobAtOrAboveItsTarget()
    {
        ExperimentConfig config = Heavy();
        foreach (RunSpec run in config.Runs().Where(r => r.Policy != "none"))
        {
            var recorder = new Collect();
            RunSummary summary = ExperimentRunner.RunOne(config, run, recorder, FrozenClock.Instance).Result.Summary;
            JobRecord[] finished = recorder.Jobs.Where(j => j.Outcome is JobOutcome.Met or JobOutcome.Late).ToArray();
            Assert.NotEmpty(finished);
            Assert.All(finished, j => Assert.True(j.ServedAccuracy >= j.TargetAccuracy - 1e-12,
                $"{run.Label}: job {j.Id} served {j.ServedAccuracy} < target {j.TargetAccuracy}"));
            Assert.Equal(1.0, summary.ShareJobsMeetingTarget);
            Assert.True(summary.ConservationHolds);
        }
    }

    [Fact]
    public void DynamicHoldsFarMoreLoadThanNone()
    {
        ExperimentConfig config = Heavy();
        IReadOnlyList<RunOutcome> outcomes = ExperimentRunner.Run(config);
        RunSummary none = outcomes.Single(o => o.Run.Policy == "none" && o.Run.LoadQps == 200).Result.Summary;
        RunSummary dynamic = outcomes.Single(o => o.Run.Policy == "dynamic" && o.Run.LoadQps == 200).Result.Summary;
        Assert.True(dynamic.ThroughputRps > 2 * none.ThroughputRps, $"dynamic {dynamic.ThroughputRps:0.0} vs none {none.ThroughputRps:0.0} req/s");
        Assert.True(dynamic.ViolationRatio < none.ViolationRatio / 3);
        Assert.True(dynamic.MeanServedAccuracy < none.MeanServedAccuracy, "dynamic trades accuracy for throughput");
        Assert.True(dynamic.Decisions > 0);
    }

    [Fact]
    public void OrToolsAndExactOnlineSolversGiveTheSameRun()
    {
        // With decisions free and no time-outs both solvers find optimal plans, but where two plans tie they may
        // pick different ones and the runs drift apart: compare the headline numbers, not bytes.
        string[] common = ["policies=[dynamic]", "workload.loads_qps=[150]", "workload.trace.duration_s=90", "scheduler.solver_time_limit_ms=60000"];
        ExperimentConfig exact = Heavy([.. common, "scheduler.solver=exact"]);
        ExperimentConfig ortools = Heavy([.. common, "scheduler.solver=ortools"]);
        RunSummary a = ExperimentRunner.RunOne(exact, exact.Runs()[0], null, FrozenClock.Instance).Result.Summary;
        RunSummary b = ExperimentRunner.RunOne(ortools, ortools.Runs()[0], null, FrozenClock.Instance).Result.Summary;
        Assert.True(a.Decisions > 100);
        Assert.InRange(b.MeanServedAccuracy - a.MeanServedAccuracy, -0.002, 0.002);
        Assert.InRange(b.ViolationRatio - a.ViolationRatio, -0.01, 0.01);
    }
}
