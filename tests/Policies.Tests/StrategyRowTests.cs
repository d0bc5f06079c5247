using Mosel.Policies.Offline;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

/// <summary>The rules of a strategy row (a Pareto list), the offline solver's tie rules and the reference target grid.</summary>
public sealed class StrategyRowTests
{
    private static Strategy Cell(double seconds, double accuracy) => new([1], accuracy, seconds);

    /// <summary>Two modalities x and y; latencies in ms at batch 1, 2, ..., 8 grow linearly from the given batch-1 value.</summary>
    private static ModelProfile TwoModalities(double xy, double xyMs, double x, double xMs, double y, double yMs)
    {
        int[] sizes = Enumerable.Range(1, 8).ToArray();
        LatencyTable Table(string name, double ms) => LatencyTable.Create(name, sizes, sizes.Select(b => ms * (1 + (0.8 * (b - 1)))).ToArray());
        return ModelProfile.Create("xy", ["x", "y"], AccuracyMetric.Default,
            new Dictionary<string, double> { ["x+y"] = xy, ["x"] = x, ["y"] = y },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable>
                {
                    ["x+y"] = Table("x+y", xyMs),
                    ["x"] = Table("x", xMs),
                    ["y"] = Table("y", yMs),
                },
            }, "test", "test");
    }

    [Fact]
    public void ARowMustHoldAStrategy()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new StrategyRow(3, []));
        Assert.StartsWith("row 3 has no strategy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0, 0.5, 2.0, 0.75)]    // equal latency
    [InlineData(2.0, 0.5, 3.0, 0.5)]     // equal accuracy
    [InlineData(2.0, 0.5, 1.0, 0.75)]    // faster and more accurate: the first cell is dominated
    [InlineData(2.0, 0.5, 3.0, 0.25)]    // slower and less accurate
    public void ARowMustStrictlyIncreaseInLatencyAndAccuracy(double seconds0, double accuracy0, double seconds1, double accuracy1)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new StrategyRow(2, [Cell(1, 0.25), Cell(seconds0, accuracy0), Cell(seconds1, accuracy1)]));
        Assert.StartsWith("row 2 is not a Pareto list at cell 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellsAreFoundByIdentityAndTargetsByBinarySearch()
    {
        Strategy[] cells = [Cell(1, 0.25), Cell(2, 0.5), Cell(3, 0.75)];
        var row = new StrategyRow(1, cells);
        Assert.Equal([0, 1, 2], cells.Select(row.IndexOf));
        Assert.Equal(-1, row.IndexOf(Cell(2, 0.5)));   // an equal strategy that is not in the row
        Assert.Equal(0, row.FirstFeasible(0));
        Assert.Equal(1, row.FirstFeasible(0.5));
        Assert.Equal(1, row.FirstFeasible(0.5 + StrategyRow.Tolerance));   // within the tolerance counts as met (0.5 + 1e-12 - 1e-12 == 0.5)
        Assert.Equal(2, row.FirstFeasible(0.5 + 1e-9));
        Assert.Equal(-1, row.FirstFeasible(0.8));
        Assert.Same(cells[2], row.MaxAccuracy);
    }

    [Fact]
    public void OfEqualLatenciesTheMoreAccurateConfigurationIsKeptEvenWhenItIsListedLater()
    {
        // x and y both take 5 ms for one request; y is more accurate. Row 1: y (5 ms, 0.8), x+y (10 ms, 0.9).
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(TwoModalities(0.9, 10, 0.7, 5, 0.8, 5), Precision.Fp32));
        StrategyRow row = matrix.Row(1);
        Assert.Equal([5e-3, 10e-3], row.Cells.Select(c => c.EstimatedSeconds));
        Assert.Equal([0.8, 0.9], row.Cells.Select(c => c.Accuracy));
        Assert.Equal([0, 0, 1], row.Cells[0].Counts.ToArray());   // configurations in profile order: x+y, x, y
    }

    [Fact]
    public void OfEqualAccuraciesTheFasterConfigurationIsKept()
    {
        // x (5 ms) and y (7 ms) are both 0.8 accurate: y never appears in row 1.
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(TwoModalities(0.9, 10, 0.8, 5, 0.8, 7), Precision.Fp32));
        StrategyRow row = matrix.Row(1);
        Assert.Equal([5e-3, 10e-3], row.Cells.Select(c => c.EstimatedSeconds));
        Assert.Equal([0, 1, 0], row.Cells[0].Counts.ToArray());
    }

    [Fact]
    public void OfIdenticalConfigurationsTheOneListedFirstTakesEveryRequest()
    {
        // x and y are the same in every way, so every split between them ties; the kept strategy must not depend on the
        // order a sort happens to leave ties in: requests go to the configuration listed first (x), never to y.
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(TwoModalities(0.9, 10, 0.8, 5, 0.8, 5), Precision.Fp32));
        for (int size = 1; size <= 8; size++)
        {
            Assert.All(matrix.Row(size).Cells, c => Assert.Equal(0, c.Counts[2]));
        }
    }

    [Fact]
    public void SolversNameThemselvesAsConfigsDo()
    {
        Assert.Equal("exact", new ParetoStrategySolver().Name);
        Assert.Equal("ortools", new CpSatStrategySolver().Name);
    }

    [Fact]
    public void TheTargetGridRunsFromTheLowestToTheHighestAccuracyInSteps()
    {
        // Accuracies 0.7, 0.8, 0.9; step 0.125: floor(0.2 / 0.125) + 1 = 2 targets.
        ModelProfile profile = TwoModalities(0.9, 10, 0.7, 5, 0.8, 5);
        double[] grid = StrategyMatrix.TargetGrid(profile, 0.125);
        Assert.Equal(2, grid.Length);
        Assert.Equal(0.7, grid[0], 12);
        Assert.Equal(0.825, grid[1], 12);
        Assert.Equal(11, StrategyMatrix.TargetGrid(profile, 0.02).Length);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => StrategyMatrix.TargetGrid(profile, 0)).ParamName);
    }
}
