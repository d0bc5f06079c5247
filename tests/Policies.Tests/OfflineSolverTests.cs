using Mosel.Policies.Offline;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

public sealed class OfflineSolverTests
{
    /// <summary>Every split of <paramref name="size"/> requests over the configurations.</summary>
    private static IEnumerable<int[]> Splits(int configs, int size)
    {
        if (configs == 1)
        {
            yield return [size];
            yield break;
        }
        for (int k = 0; k <= size; k++)
        {
            foreach (int[] rest in Splits(configs - 1, size - k))
            {
                yield return [k, .. rest];
            }
        }
    }

    private static double? BruteForce(LatencyModel latency, int size, double target)
    {
        double? best = null;
        foreach (int[] counts in Splits(latency.ConfigurationCount, size))
        {
            if (Strategy.MeanAccuracy(counts, latency.Profile) >= target - StrategyRow.Tolerance)
            {
                double seconds = latency.StrategySeconds(counts);
                best = best is null ? seconds : Math.Min(best.Value, seconds);
            }
        }
        return best;
    }

    [Theory]
    [InlineData(Precision.Fp32)]
    [InlineData(Precision.Fp16)]
    public void ExactMatrixEqualsBruteForceOnEveryTvltCell(Precision precision)
    {
        var latency = new LatencyModel(RandomProfiles.Tvlt, precision);
        StrategyMatrix matrix = StrategyMatrix.Build(latency);
        double[] grid = StrategyMatrix.TargetGrid(RandomProfiles.Tvlt);
        Assert.Equal(42, grid.Length);
        IReadOnlyList<StrategyCell> cells = matrix.Grid(grid);
        Assert.Equal(32 * 42, cells.Count);
        foreach (StrategyCell cell in cells)
        {
            double? expected = BruteForce(latency, cell.Size, cell.Target);
            Assert.NotNull(cell.Strategy);
            Assert.Equal(expected!.Value, cell.Strategy!.EstimatedSeconds, 12);
            Assert.True(cell.Strategy.Accuracy >= cell.Target - StrategyRow.Tolerance);
            Assert.Equal(latency.StrategySeconds(cell.Strategy.Counts), cell.Strategy.EstimatedSeconds, 12);
        }
    }

    [Fact]
    public void ExactEqualsOrToolsOnRandomProfiles()
    {
        var random = new Random(2024);
        var ortools = new CpSatStrategySolver();
        int compared = 0;
        int infeasible = 0;
        for (int p = 0; p < 500; p++)
        {
            int modalities = 2 + (p % 3);
            int maxBatch = modalities == 4 ? 6 : 10;
            ModelProfile profile = RandomProfiles.Create(random, modalities, maxBatch);
            var latency = new LatencyModel(profile, Precision.Fp32);
            StrategyMatrix matrix = StrategyMatrix.Build(latency);
            int size = 1 + random.Next(maxBatch);
            // Targets on a 0.002 grid, sometimes above the best configuration (infeasible).
            double target = Math.Round((0.4 + (0.52 * random.NextDouble())) / 0.002) * 0.002;
            Strategy? exact = matrix.Row(size).Cheapest(target);
            Strategy? reference = ortools.Solve(latency, size, target);
            Assert.Equal(reference is null, exact is null);
            if (exact is null)
            {
                infeasible++;
                continue;
            }
            Assert.Equal(reference!.EstimatedSeconds, exact.EstimatedSeconds, 9);
            compared++;
        }
        Assert.True(compared >= 400, $"only {compared} feasible instances ({infeasible} infeasible)");
        Assert.True(infeasible > 0, "no infeasible instance was exercised");
    }

    [Fact]
    public void ExactEqualsOrToolsOnTvltCells()
    {
        // TVLT's accuracies have 7-8 decimals: this guards the integer scaling of the CP-SAT model.
        var latency = new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32);
        StrategyMatrix matrix = StrategyMatrix.Build(latency);
        double[] grid = StrategyMatrix.TargetGrid(RandomProfiles.Tvlt);
        var ortools = new CpSatStrategySolver();
        foreach (int size in new[] { 1, 2, 5, 12, 13, 14, 32 })
        {
            foreach (double target in new[] { grid[0], grid[20], grid[^1] })
            {
                Strategy? reference = ortools.Solve(latency, size, target);
                Assert.NotNull(reference);
                Assert.Equal(reference!.EstimatedSeconds, matrix.Row(size).Cheapest(target)!.EstimatedSeconds, 9);
            }
        }
    }

    [Fact]
    public void ParetoRowsStrictlyIncreaseInLatencyAndAccuracy()
    {
        var random = new Random(5);
        IEnumerable<LatencyModel> models = new[] { Precision.Fp32, Precision.Fp16 }.Select(p => new LatencyModel(RandomProfiles.Tvlt, p))
            .Concat(Enumerable.Range(0, 50).Select(i => new LatencyModel(RandomProfiles.Create(random, 2 + (i % 3), 8), Precision.Fp32)));
        foreach (LatencyModel model in models)
        {
            StrategyMatrix matrix = StrategyMatrix.Build(model);
            for (int size = 1; size <= matrix.MaxSize; size++)
            {
                IReadOnlyList<Strategy> cells = matrix.Row(size).Cells;
                for (int i = 1; i < cells.Count; i++)
                {
                    Assert.True(cells[i].EstimatedSeconds > cells[i - 1].EstimatedSeconds);
                    Assert.True(cells[i].Accuracy > cells[i - 1].Accuracy);
                }
                Assert.All(cells, c => Assert.Equal(size, c.Size));
                // The most accurate cell is every request on the best configuration.
                Assert.Equal(matrix.BestAccuracy, cells[^1].Accuracy, 12);
            }
        }
    }

    [Fact]
    public void TargetsAboveTheBestConfigurationAreInfeasibleNotHidden()
    {
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32));
        Assert.Null(matrix.Row(4).Cheapest(0.75));
        Assert.Equal(-1, matrix.Row(4).FirstFeasible(0.75));
        IReadOnlyList<StrategyCell> cells = StrategyMatrix.SolveGrid(matrix.Estimate, [0.70, 0.75], new ParetoStrategySolver(), maxSize: 3);
        Assert.Equal(3, cells.Count(c => c.Strategy is null));
    }

    [Fact]
    public void AOneModalityModelHasOneCellPerRow()
    {
        ModelProfile single = ModelProfile.Create("one", ["audio"], AccuracyMetric.Default, new Dictionary<string, double> { ["audio"] = 0.7 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable> { ["audio"] = LatencyTable.Create("audio", [1, 32], [5, 50]) },
            }, "", "");
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(single, Precision.Fp32));
        for (int size = 1; size <= 32; size++)
        {
            Assert.Single(matrix.Row(size).Cells);
        }
        Assert.Equal([0.7], StrategyMatrix.TargetGrid(single));
    }
}
