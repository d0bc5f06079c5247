using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Sim.Model;
using Mosel.Sim.Reference;

namespace Mosel.Policies.Reference;

/// <summary>
/// The reference code's strategy grid and re-plan. A row of the grid holds, for each of the 42 targets from the worst
/// to the best configuration accuracy in steps of 0.002, the cheapest strategy meeting it, pruned to a Pareto list;
/// jobs start at its last cell. The re-plan (<c>fair_accuracy</c>) gives each job the cells of its row that meet its
/// target and maximises the mean accuracy within the budget. The authors solve a continuous relaxation with IPOPT
/// (cubic splines through the cells, indices truncated afterwards, which can only land on cheaper, less accurate cells
/// than the relaxed optimum); Mosel solves the integer problem exactly. The choice is then mapped back as coded: an
/// index past the length of the job's candidate list (an absolute index compared with a relative length) becomes the
/// row's most accurate cell, unless <c>remapAsCoded</c> is false and it is mapped correctly.
/// </summary>
public sealed class ReferencePlanner : IReferencePlanner
{
    public const double GridStep = 0.002;

    private readonly StrategyRow[] _rows;
    private readonly IOnlineSolver _solver;
    private readonly bool _remapAsCoded;

    private ReferencePlanner(StrategyRow[] rows, IOnlineSolver solver, bool remapAsCoded)
    {
        _rows = rows;
        _solver = solver;
        _remapAsCoded = remapAsCoded;
    }

    /// <param name="matrix">The offline strategy matrix of the scheduler's latency estimates in the policy's precision.</param>
    /// <param name="remapAsCoded">Map solver choices back with the reference's index check (true) or correctly.</param>
    public static ReferencePlanner Build(StrategyMatrix matrix, OnlineSolverSettings solver, bool remapAsCoded) =>
        new(GridRows(matrix), new KnapsackOnlineSolver(solver.ResolutionSeconds), remapAsCoded);

    /// <summary>Each size's grid row: the distinct cheapest strategies for the grid's targets, in increasing accuracy.</summary>
    public static StrategyRow[] GridRows(StrategyMatrix matrix)
    {
        double[] targets = StrategyMatrix.TargetGrid(matrix.Profile, GridStep);
        var rows = new StrategyRow[matrix.MaxSize + 1];
        for (int size = 1; size <= matrix.MaxSize; size++)
        {
            var cells = new List<Strategy>();
            foreach (double target in targets)
            {
                if (matrix.Row(size).Cheapest(target) is Strategy cell && (cells.Count == 0 || !ReferenceEquals(cells[^1], cell)))
                {
                    cells.Add(cell);
                }
            }
            rows[size] = new StrategyRow(size, cells);
        }
        return rows;
    }

    public StrategyRow Row(int size) => _rows[size];

    public Strategy StartingCell(int size) => _rows[size].MaxAccuracy;

    public Strategy? Cheapest(int size, double target) => _rows[size].Cheapest(target);

    public IReadOnlyList<Strategy>? Solve(IReadOnlyList<ReplanJob> jobs, double budgetSeconds)
    {
        var items = new OnlineItem[jobs.Count];
        for (int i = 0; i < jobs.Count; i++)
        {
            StrategyRow row = _rows[jobs[i].Size];
            int low = row.FirstFeasible(jobs[i].TargetAccuracy);
            // A target above the row's best: the reference's lookup fails; the job's only choice is the row's best cell.
            items[i] = new OnlineItem(row, low < 0 ? row.Cells.Count - 1 : low);
        }
        OnlineSolution solution = _solver.Solve(items, budgetSeconds, static () => false);
        if (solution.Status != OnlineStatus.Optimal)
        {
            return null;
        }
        var plan = new Strategy[jobs.Count];
        for (int i = 0; i < jobs.Count; i++)
        {
            OnlineItem item = items[i];
            int index = item.FirstFeasible + solution.Choices[i];
            if (_remapAsCoded && index > item.Choices - 1)
            {
                index = item.Row.Cells.Count - 1;
            }
            plan[i] = item.Row.Cells[index];
        }
        return plan;
    }
}
