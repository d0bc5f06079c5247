namespace Mosel.Policies.Online;

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
