using Mosel.Policies.Offline;

namespace Mosel.Policies.Online;

/// <summary>
/// The choices of one affected job: the cells of its row from <see cref="FirstFeasible"/> (the cheapest
/// cell meeting its target) to the end, ordered by increasing latency and accuracy.
/// </summary>
public readonly record struct OnlineItem(StrategyRow Row, int FirstFeasible)
{
    public int Choices => Row.Cells.Count - FirstFeasible;

    public double Seconds(int choice) => Row.SecondsAt(FirstFeasible + choice);

    public double Accuracy(int choice) => Row.AccuracyAt(FirstFeasible + choice);
}
