using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

public sealed class OnlineSolverTests
{
    private const double Resolution = 10e-6;

    private static readonly StrategyMatrix[] s_matrices = BuildMatrices();

    private static StrategyMatrix[] BuildMatrices()
    {
        var random = new Random(77);
        return new[] { Precision.Fp32, Precision.Fp16 }.Select(p => StrategyMatrix.Build(new LatencyModel(RandomProfiles.Tvlt, p)))
            .Concat(Enumerable.Range(0, 8).Select(i => StrategyMatrix.Build(new LatencyModel(RandomProfiles.Create(random, 2 + (i % 3), 12), Precision.Fp32))))
            .ToArray();
    }

    private static long Units(double seconds) => (long)Math.Ceiling((seconds / Resolution) - 1e-9);

    /// <summary>Tries every combination, with latencies on the same grid the solvers use.</summary>
    private static double? BruteForce(List<OnlineItem> items, double budget)
    {
        long capacity = (long)Math.Floor((budget / Resolution) + 1e-9);
        double? best = null;
        var choice = new int[items.Count];
        while (true)
        {
            long weight = 0;
            double accuracy = 0;
            for (int j = 0; j < items.Count; j++)
            {
                weight += Units(items[j].Seconds(choice[j]));
                accuracy += items[j].Accuracy(choice[j]);
            }
            if (weight <= capacity && (best is null || accuracy / items.Count > best.Value))
            {
                best = accuracy / items.Count;
            }
            int position = 0;
            while (position < items.Count && ++choice[position] == items[position].Choices)
            {
                choice[position++] = 0;
            }
            if (position == items.Count)
            {
                return best;
            }
        }
    }

    [Theory]
    [InlineData(0)] // branch and bound on every instance
    [InlineData(long.MaxValue)] // never
    [InlineData(KnapsackOnlineSolver.DefaultPlansWithoutPruning)]
    public void ExactEqualsBruteForceOnRandomSmallQueues(long plansWithoutPruning)
    {
        var random = new Random(31);
        var exact = new KnapsackOnlineSolver(Resolution, plansWithoutPruning);
        int feasible = 0;
        for (int i = 0; i < 600; i++)
        {
            StrategyMatrix matrix = s_matrices[i % s_matrices.Length];
            (List<OnlineItem> items, double min, double max) = RandomQueues.Create(random, matrix, 1 + random.Next(6), maxSize: 6);
            // One in ten budgets is below the cheapest plan (infeasible); the rest lie between cheapest and best.
            // (Rounding each latency up to the grid can cost one step per job, hence the n x resolution.)
            double budget = i % 10 == 0 ? min * 0.95 : min + (items.Count * Resolution) + (random.NextDouble() * (max - min));
            double? expected = BruteForce(items, budget);
            OnlineSolution solution = exact.Solve(items, budget, () => false);
            Assert.Equal(expected is null, solution.Status == OnlineStatus.Infeasible);
            if (expected is not null)
            {
                feasible++;
                Assert.Equal(expected.Value, solution.MeanAccuracy, 12);
                Assert.True(solution.TotalSeconds <= budget + 1e-12, "the plan must fit the real budget");
                Assert.All(solution.Choices, (c, j) => Assert.InRange(c, 0, items[j].Choices - 1));
            }
        }
        Assert.True(feasible >= 500, $"only {feasible} feasible instances");
    }

    [Fact]
    public void PruningNeverChangesTheExactSolversPlanEvenAmongTies()
    {
        // Queues drawn from a pool of three jobs, so equal jobs (and plans of equal accuracy sums that differ only in which
        // of them is downgraded) are common: the plan returned must be the same choice for choice, whatever the pruning.
        var random = new Random(77);
        var pruned = new KnapsackOnlineSolver(Resolution, plansWithoutPruning: 0);
        var unpruned = new KnapsackOnlineSolver(Resolution, plansWithoutPruning: long.MaxValue);
        int withEqualJobs = 0;
        for (int i = 0; i < 400; i++)
        {
            StrategyMatrix matrix = s_matrices[i % s_matrices.Length];
            (List<OnlineItem> pool, _, _) = RandomQueues.Create(random, matrix, 3, maxSize: 8);
            List<OnlineItem> items = Enumerable.Range(0, 1 + random.Next(12)).Select(_ => pool[random.Next(pool.Count)]).ToList();
            double min = items.Sum(item => item.Seconds(0));
            double max = items.Sum(item => item.Seconds(item.Choices - 1));
            double budget = min + (items.Count * Resolution) + (random.NextDouble() * (max - min));
            OnlineSolution a = pruned.Solve(items, budget, () => false);
            OnlineSolution b = unpruned.Solve(items, budget, () => false);
            Assert.Equal(a.Status, b.Status);
            Assert.Equal(a.Choices, b.Choices);
            Assert.Equal(a.MeanAccuracy, b.MeanAccuracy);
            Assert.Equal(a.TotalSeconds, b.TotalSeconds);
            withEqualJobs += items.Distinct().Count() < items.Count ? 1 : 0;
        }
        Assert.True(withEqualJobs >= 250, $"only {withEqualJobs} queues with equal jobs");
    }

    [Fact]
    public void ExactEqualsOrToolsOnRandomQueues()
    {
        var random = new Random(8);
        var exact = new KnapsackOnlineSolver(Resolution);
        var ortools = new CpSatOnlineSolver(Resolution, 10);
        int optimal = 0;
        for (int i = 0; i < 150; i++)
        {
            StrategyMatrix matrix = s_matrices[i % s_matrices.Length];
            (List<OnlineItem> items, double min, double max) = RandomQueues.Create(random, matrix, 1 + random.Next(8));
            double budget = min + (items.Count * Resolution) + (random.NextDouble() * (max - min));
            OnlineSolution a = exact.Solve(items, budget, () => false);
            OnlineSolution b = ortools.Solve(items, budget, () => false);
            Assert.Equal(b.Status, a.Status);
            if (a.Status == OnlineStatus.Optimal)
            {
                optimal++;
                // CP-SAT sees accuracies rounded to 1e-6: its optimum is within n x 1e-6 / n of the exact one.
                Assert.InRange(a.MeanAccuracy - b.MeanAccuracy, -1e-12, 1.01e-6);
            }
        }
        Assert.True(optimal >= 140, $"only {optimal} feasible instances");
    }

    [Fact]
    public void GreedyNeverBreaksATargetAndFitsWhenItCan()
    {
        var random = new Random(12);
        for (int i = 0; i < 500; i++)
        {
            StrategyMatrix matrix = s_matrices[i % s_matrices.Length];
            (List<OnlineItem> items, double min, double max) = RandomQueues.Create(random, matrix, 1 + random.Next(30));
            int[] current = items.Select(item => item.Choices - 1).ToArray();
            double budget = (min * 0.8) + (random.NextDouble() * (max - (min * 0.8)));
            OnlineSolution greedy = GreedyDowngrade.Solve(items, current, budget);
            Assert.Equal(budget >= min - 1e-15, greedy.Status == OnlineStatus.Optimal);
            if (greedy.Status == OnlineStatus.Optimal)
            {
                Assert.True(greedy.TotalSeconds <= budget + 1e-12);
                // Offsets are from each job's cheapest feasible cell: never below it, so every target holds.
                Assert.All(greedy.Choices, (c, j) => Assert.InRange(c, 0, current[j]));
            }
        }
    }

    [Fact]
    public void EmptyQueuesAndNonPositiveBudgetsHaveDefinedAnswers()
    {
        var exact = new KnapsackOnlineSolver(Resolution);
        var ortools = new CpSatOnlineSolver(Resolution, 1);
        Assert.Equal(OnlineStatus.Optimal, exact.Solve([], 0.1, () => false).Status);
        Assert.Equal(OnlineStatus.Optimal, ortools.Solve([], 0.1, () => false).Status);
        (List<OnlineItem> items, _, _) = RandomQueues.Create(new Random(1), s_matrices[0], 3);
        foreach (double budget in new[] { 0.0, -0.5 })
        {
            Assert.Equal(OnlineStatus.Infeasible, exact.Solve(items, budget, () => false).Status);
            Assert.Equal(OnlineStatus.Infeasible, ortools.Solve(items, budget, () => false).Status);
            Assert.Equal(OnlineStatus.Infeasible, GreedyDowngrade.Solve(items, [0, 0, 0], budget).Status);
        }
    }

    [Fact]
    public void ExactSolverReportsATimeOut()
    {
        (List<OnlineItem> items, _, double max) = RandomQueues.Create(new Random(3), s_matrices[0], 5);
        Assert.Equal(OnlineStatus.TimedOut, new KnapsackOnlineSolver(Resolution).Solve(items, max, () => true).Status);
    }

    [Fact]
    public void OrToolsPlansFitTheBudgetAndReportTheirTotal()
    {
        var random = new Random(21);
        var ortools = new CpSatOnlineSolver(Resolution, 10);
        for (int i = 0; i < 20; i++)
        {
            (List<OnlineItem> items, double min, double max) = RandomQueues.Create(random, s_matrices[i % s_matrices.Length], 2 + random.Next(5));
            double budget = min + (items.Count * Resolution) + (random.NextDouble() * (max - min));
            OnlineSolution plan = ortools.Solve(items, budget, () => false);
            Assert.Equal(OnlineStatus.Optimal, plan.Status);
            double total = plan.Choices.Select((c, j) => items[j].Seconds(c)).Sum();
            double accuracy = plan.Choices.Select((c, j) => items[j].Accuracy(c)).Sum() / items.Count;
            Assert.Equal(total, plan.TotalSeconds, 12);
            Assert.Equal(accuracy, plan.MeanAccuracy, 12);
            Assert.True(plan.TotalSeconds <= budget);
        }
    }

    [Fact]
    public void OrToolsIsInfeasibleWhenLatenciesRoundedUpToItsGridDoNotFit()
    {
        // Resolution 1 s: each 0.4 s cell weighs 1 unit and the 1 s budget holds 1 unit. The real sum, 0.8 s, would fit,
        // so only the solver's own model can say no.
        var row = new StrategyRow(1, [new Strategy([1], 0.5, 0.4)]);
        OnlineItem[] items = [new(row, 0), new(row, 0)];
        Assert.Equal(OnlineStatus.Infeasible, new CpSatOnlineSolver(1, 10).Solve(items, 1.0, () => false).Status);
        Assert.Equal(OnlineStatus.Infeasible, new KnapsackOnlineSolver(1).Solve(items, 1.0, () => false).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OrToolsReportsATimeOutWhenItsLimitEndsTheSearch(bool deterministic)
    {
        // 200 jobs with a microsecond's limit (wall or deterministic time): CP-SAT stops before it proves anything.
        (List<OnlineItem> items, double min, double max) = RandomQueues.Create(new Random(4), s_matrices[0], 200);
        OnlineSolution plan = new CpSatOnlineSolver(Resolution, 1e-6, deterministic).Solve(items, (min + max) / 2, () => false);
        Assert.Equal(OnlineStatus.TimedOut, plan.Status);
    }

    [Fact]
    public void OnlineSolversCheckTheirSettingsAndSayHowTheirDecisionsAreRecorded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpSatOnlineSolver(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpSatOnlineSolver(Resolution, 0));
        Assert.Equal(DecisionPath.OrTools, new CpSatOnlineSolver(Resolution, 1).Path);
        Assert.Equal(DecisionPath.Exact, new KnapsackOnlineSolver(Resolution).Path);
        Assert.IsType<CpSatOnlineSolver>(OnlineSolvers.Create(new OnlineSolverSettings { Kind = OnlineSolverKind.OrTools }));
        Assert.IsType<KnapsackOnlineSolver>(OnlineSolvers.Create(new OnlineSolverSettings()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnapsackOnlineSolver(0));
    }

    [Fact]
    public void OrToolsStopsOnWallSecondsOrOnDeterministicTimeAsItsSettingsSay()
    {
        Assert.Equal("num_workers:1,random_seed:1,max_time_in_seconds:0.1", new CpSatOnlineSolver(Resolution, 0.1).Parameters);
        Assert.Equal("num_workers:1,random_seed:1,max_deterministic_time:0.1", new CpSatOnlineSolver(Resolution, 0.1, deterministic: true).Parameters);
        var settings = new OnlineSolverSettings { Kind = OnlineSolverKind.OrTools, TimeLimitSeconds = 0.25 };
        Assert.EndsWith("max_time_in_seconds:0.25", Assert.IsType<CpSatOnlineSolver>(OnlineSolvers.Create(settings)).Parameters, StringComparison.Ordinal);
        Assert.EndsWith("max_deterministic_time:0.25",
            Assert.IsType<CpSatOnlineSolver>(OnlineSolvers.Create(settings with { DeterministicTimeLimit = true })).Parameters, StringComparison.Ordinal);
    }
}
