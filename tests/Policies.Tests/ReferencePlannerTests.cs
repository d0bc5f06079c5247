using Mosel.Experiments.Configuration;
using Mosel.Experiments.Safety;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Reference;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Reference;

namespace Mosel.Policies.Tests;

public class ReferencePlannerTests
{
    /// <summary>a+b 10 ms, a 3 ms, b 6 ms per request; accuracy 0.8, 0.75, 0.6 (b is dominated by a).</summary>
    private static readonly LatencyModel s_linear = new(ModelProfile.Create("linear", ["a", "b"], AccuracyMetric.Default,
        new Dictionary<string, double> { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = 0.6 },
        new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
        {
            [Precision.Fp32] = new Dictionary<string, LatencyTable>
            {
                ["a+b"] = LatencyTable.Create("a+b", [1, 32], [10, 320]),
                ["a"] = LatencyTable.Create("a", [1, 32], [3, 96]),
                ["b"] = LatencyTable.Create("b", [1, 32], [6, 192]),
            },
        },
        "test", "test"), Precision.Fp32);

    [Fact]
    public void TvltsGridHas42TargetsAndItsTopCellForBigJobsIsAMix()
    {
        ModelProfile tvlt = ProfileFile.Load(RepoPaths.Resolve("profiles/tvlt.h100-interim.yaml"));
        double[] targets = Offline.StrategyMatrix.TargetGrid(tvlt, ReferencePlanner.GridStep);
        Assert.Equal(42, targets.Length);
        Assert.Equal(0.742017, targets[^1], 6);

        ReferencePlanner planner = ReferencePlanner.Build(StrategyMatrix.Build(new LatencyModel(tvlt, Precision.Fp32)), new OnlineSolverSettings(), remapAsCoded: true);
        // 31 on audio+video and 1 on audio: (31 x 0.7431962 + 0.72329473) / 32 = 0.742574 >= 0.742017, and 398.2 + 5.0 ms
        // (audio+video at 31, interpolated between 16 and 32) is below the 411.0 ms of all 32 on audio+video; 30 + 2 is 0.741952.
        Strategy top = planner.StartingCell(32);
        Assert.Equal([31, 1, 0], top.Counts.ToArray());
        Assert.Equal(0, planner.StartingCell(1).Counts[1]);
        for (int size = 1; size <= 32; size++)
        {
            Assert.InRange(planner.Row(size).Cells.Count, 1, 11);
        }
    }

    [Fact]
    public void TheCodedRemapSendsAChoicePastTheCandidateListsLengthToTheMostAccurateCell()
    {
        // Size 3: cells 3a (9 ms, 0.75), 2a+1ab (16, 0.767), 1a+2ab (23, 0.783), 3ab (30, 0.8). Target 0.78: candidates are
        // cells 2 and 3 (low = 2, 2 candidates). Within 25 ms the optimum is choice 0 = cell 2; as coded, index 2 > 2 - 1, so
        // the job gets cell 3 (30 ms, over the budget).
        var job = new[] { new ReplanJob(3, 0.78) };
        Strategy? exact = ReferencePlanner.Build(StrategyMatrix.Build(s_linear), new OnlineSolverSettings(), remapAsCoded: false).Solve(job, 0.025)?.Single();
        Strategy? coded = ReferencePlanner.Build(StrategyMatrix.Build(s_linear), new OnlineSolverSettings(), remapAsCoded: true).Solve(job, 0.025)?.Single();

        Assert.Equal([2, 1, 0], exact!.Counts.ToArray()); // counts in the profile's order: a+b, a, b
        Assert.Equal([3, 0, 0], coded!.Counts.ToArray());
        // Target 0.7 (low = 0): the coded check is right, both give the optimum within 12 ms (3a, 9 ms).
        var easy = new[] { new ReplanJob(3, 0.7) };
        Assert.Equal([0, 3, 0], ReferencePlanner.Build(StrategyMatrix.Build(s_linear), new OnlineSolverSettings(), remapAsCoded: true).Solve(easy, 0.012)!.Single().Counts.ToArray());
    }

    [Fact]
    public void NoPlanWhenEvenTheCheapestCellsExceedTheBudget()
    {
        var jobs = new[] { new ReplanJob(3, 0.7), new ReplanJob(3, 0.7) };
        Assert.Null(ReferencePlanner.Build(StrategyMatrix.Build(s_linear), new OnlineSolverSettings(), remapAsCoded: true).Solve(jobs, 0.017));
        Assert.NotNull(ReferencePlanner.Build(StrategyMatrix.Build(s_linear), new OnlineSolverSettings(), remapAsCoded: true).Solve(jobs, 0.018));
    }
}
