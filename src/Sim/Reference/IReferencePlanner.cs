using Mosel.Sim.Model;

namespace Mosel.Sim.Reference;

/// <summary>The strategy grid and the re-plan solver the reference engine's monitor uses (built in Mosel.Policies).</summary>
public interface IReferencePlanner
{
    /// <summary>Where every job starts: the most accurate cell of its size's grid row.</summary>
    Strategy StartingCell(int size);

    /// <summary>The cheapest cell of the row that meets <paramref name="target"/>, or null when no cell does.</summary>
    Strategy? Cheapest(int size, double target);

    /// <summary>
    /// <c>fair_accuracy</c>: one cell per job (in the order given) maximising their mean accuracy within
    /// <paramref name="budgetSeconds"/>, mapped back as the reference maps it; null when no plan fits (the monitor falls back).
    /// </summary>
    IReadOnlyList<Strategy>? Solve(IReadOnlyList<ReplanJob> jobs, double budgetSeconds);
}
