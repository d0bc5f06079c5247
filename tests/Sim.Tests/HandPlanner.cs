using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Reference;

namespace Mosel.Sim.Tests;

/// <summary>
/// A two-cell grid on <see cref="TestProfiles.Linear"/>: every job of size s can run all on <c>a</c> (3 s ms, 0.75) or
/// all on <c>a+b</c> (10 s ms, 0.8; the starting cell). Its solver keeps jobs on a+b from the back while the budget
/// allows and moves the rest to a, or finds no plan; <see cref="Budgets"/> records what it was asked.
/// </summary>
internal sealed class HandPlanner(LatencyModel estimate, bool solverFails = false) : IReferencePlanner
{
    private readonly Dictionary<(int, int), Strategy> _cells = new();

    public List<double> Budgets { get; } = new();

    public Strategy StartingCell(int size) => Cell(0, size);

    public Strategy? Cheapest(int size, double target) =>
        target <= 0.75 + 1e-12 ? Cell(1, size) : target <= 0.8 + 1e-12 ? Cell(0, size) : null;

    /// <summary>One instance per cell, as a grid row holds them: the engine tells a change by reference.</summary>
    private Strategy Cell(int configuration, int size)
    {
        if (!_cells.TryGetValue((configuration, size), out Strategy? cell))
        {
            cell = Strategy.Uniform(configuration, size, estimate);
            _cells[(configuration, size)] = cell;
        }
        return cell;
    }

    public IReadOnlyList<Strategy>? Solve(IReadOnlyList<ReplanJob> jobs, double budgetSeconds)
    {
        Budgets.Add(budgetSeconds);
        if (solverFails)
        {
            return null;
        }
        var plan = jobs.Select(j => Cheapest(j.Size, j.TargetAccuracy) ?? StartingCell(j.Size)).ToArray();
        double total = plan.Sum(s => s.EstimatedSeconds);
        if (total > budgetSeconds)
        {
            return null;
        }
        for (int i = plan.Length - 1; i >= 0; i--)
        {
            Strategy best = StartingCell(jobs[i].Size);
            if (total - plan[i].EstimatedSeconds + best.EstimatedSeconds <= budgetSeconds)
            {
                total += best.EstimatedSeconds - plan[i].EstimatedSeconds;
                plan[i] = best;
            }
        }
        return plan;
    }
}
