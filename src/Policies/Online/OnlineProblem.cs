using Mosel.Policies.Offline;

namespace Mosel.Policies.Online;

/// <summary>
/// The choices of one affected job: the cells of its row from <see cref="FirstFeasible"/> (the cheapest
/// cell meeting its target) to the end, ordered by increasing latency and accuracy.
/// </summary>
public readonly record struct OnlineItem(StrategyRow Row, int FirstFeasible)
{
    public int Choices => Row.Cells.Count - FirstFeasible;

    public double Seconds(int choice) => Row.Cells[FirstFeasible + choice].EstimatedSeconds;

    public double Accuracy(int choice) => Row.Cells[FirstFeasible + choice].Accuracy;
}

public enum OnlineStatus
{
    Optimal,
    Infeasible,
    TimedOut,
}

/// <summary>A solver's answer: per item, the chosen offset from its first feasible cell.</summary>
public sealed record OnlineSolution(OnlineStatus Status, int[] Choices, double MeanAccuracy, double TotalSeconds)
{
    public static OnlineSolution Failed(OnlineStatus status) => new(status, [], double.NaN, double.NaN);

    /// <summary>The answers every solver shares: nothing to plan (optimal, empty) or no budget at all (infeasible); null otherwise.</summary>
    public static OnlineSolution? Trivial(IReadOnlyList<OnlineItem> items, double budgetSeconds) =>
        items.Count == 0 ? new OnlineSolution(OnlineStatus.Optimal, [], double.NaN, 0)
        : !(budgetSeconds > 0) ? Failed(OnlineStatus.Infeasible)
        : null;
}

/// <summary>
/// Chooses one cell per affected job to maximise the mean accuracy sum_j acc_j / n subject to
/// sum_j lat_j &lt;= budget.
/// </summary>
public interface IOnlineSolver
{
    string Name { get; }

    OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp);
}
