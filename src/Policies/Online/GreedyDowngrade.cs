namespace Mosel.Policies.Online;

/// <summary>
/// The fallback: starting from each job's current cell, repeatedly take the one-step downgrade (to the
/// next cheaper cell that still meets the job's target) that saves the most latency per unit of accuracy
/// lost, until the plan fits the budget. Fails when every job is at its cheapest feasible cell and the
/// plan still does not fit.
/// </summary>
public static class GreedyDowngrade
{
    public static OnlineSolution Solve(IReadOnlyList<OnlineItem> items, IReadOnlyList<int> current, double budgetSeconds)
    {
        int n = items.Count;
        var choices = new int[n];
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            choices[j] = Math.Clamp(current[j], 0, items[j].Choices - 1);
            total += items[j].Seconds(choices[j]);
        }
        while (total > budgetSeconds)
        {
            int best = -1;
            double bestRatio = double.NegativeInfinity;
            for (int j = 0; j < n; j++)
            {
                int k = choices[j];
                if (k == 0)
                {
                    continue;
                }
                double ratio = Ratio(items[j].Seconds(k) - items[j].Seconds(k - 1), items[j].Accuracy(k) - items[j].Accuracy(k - 1));
                if (ratio > bestRatio)
                {
                    bestRatio = ratio;
                    best = j;
                }
            }
            if (best < 0)
            {
                return OnlineSolution.Failed(OnlineStatus.Infeasible);
            }
            total -= items[best].Seconds(choices[best]) - items[best].Seconds(choices[best] - 1);
            choices[best]--;
        }
        double accuracySum = 0;
        for (int j = 0; j < n; j++)
        {
            accuracySum += items[j].Accuracy(choices[j]);
        }
        return new OnlineSolution(OnlineStatus.Optimal, choices, n == 0 ? double.NaN : accuracySum / n, total);
    }

    /// <summary>
    /// How good a one-step downgrade is: latency (or grid weight) saved per unit of accuracy lost. A step that loses
    /// (next to) nothing counts as losing 1e-12, so it comes first. The exact solver's greedy incumbent ranks by it too.
    /// </summary>
    internal static double Ratio(double saved, double lost) => saved / Math.Max(lost, 1e-12);
}
