using Mosel.Sim.Model;

namespace Mosel.Policies.Online;

/// <summary>
/// Chooses one cell per affected job to maximise the mean accuracy sum_j acc_j / n subject to
/// sum_j lat_j &lt;= budget.
/// </summary>
public interface IOnlineSolver
{
    /// <summary>How a decision this solver took is recorded.</summary>
    DecisionPath Path { get; }

    OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp);
}
