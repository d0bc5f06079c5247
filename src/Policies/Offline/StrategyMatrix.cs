using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Offline;

/// <summary>
/// The offline stage of MOSEL: for every job size, the Pareto list of optimal strategies under the
/// scheduler's latency estimates. Rows are exact for every target, not only grid targets.
/// </summary>
public sealed class StrategyMatrix
{
    private readonly StrategyRow[] _rows;

    private StrategyMatrix(LatencyModel estimate, StrategyRow[] rows)
    {
        Estimate = estimate;
        _rows = rows;
    }

    public LatencyModel Estimate { get; }

    public ModelProfile Profile => Estimate.Profile;

    public int MaxSize => _rows.Length - 1;

    /// <summary>Accuracy of the best single configuration: no target above it can be met by any job.</summary>
    public double BestAccuracy => Profile.Configurations.Max(c => c.Accuracy);

    public double WorstAccuracy => Profile.Configurations.Min(c => c.Accuracy);

    public StrategyRow Row(int size) => _rows[size];

    public static StrategyMatrix Build(LatencyModel estimate)
    {
        IReadOnlyList<Strategy>[] frontiers = ParetoStrategySolver.Frontiers(estimate, estimate.MaxBatchSize);
        var rows = new StrategyRow[frontiers.Length];
        for (int size = 1; size < frontiers.Length; size++)
        {
            rows[size] = new StrategyRow(size, frontiers[size]);
        }
        return new StrategyMatrix(estimate, rows);
    }

    /// <summary>The reference grid: from the lowest to the highest configuration accuracy in steps of <paramref name="step"/>.</summary>
    public static double[] TargetGrid(ModelProfile profile, double step = 0.002)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        double lo = profile.Configurations.Min(c => c.Accuracy);
        double hi = profile.Configurations.Max(c => c.Accuracy);
        int count = (int)Math.Floor(((hi - lo) / step) + 1e-9) + 1;
        return Enumerable.Range(0, count).Select(i => lo + (i * step)).ToArray();
    }

    /// <summary>Every (size, target) cell of the grid, by lookup in the exact rows.</summary>
    public IReadOnlyList<StrategyCell> Grid(IReadOnlyList<double> targets)
    {
        var cells = new List<StrategyCell>();
        for (int size = 1; size <= MaxSize; size++)
        {
            foreach (double target in targets)
            {
                cells.Add(new StrategyCell(size, target, _rows[size].Cheapest(target)));
            }
        }
        return cells;
    }

    /// <summary>Solves every (size, target) cell of the grid with <paramref name="solver"/>; infeasible cells are kept, with a null strategy.</summary>
    public static IReadOnlyList<StrategyCell> SolveGrid(LatencyModel estimate, IReadOnlyList<double> targets, IStrategySolver solver, int? maxSize = null)
    {
        var cells = new List<StrategyCell>();
        for (int size = 1; size <= (maxSize ?? estimate.MaxBatchSize); size++)
        {
            foreach (double target in targets)
            {
                cells.Add(new StrategyCell(size, target, solver.Solve(estimate, size, target)));
            }
        }
        return cells;
    }
}
