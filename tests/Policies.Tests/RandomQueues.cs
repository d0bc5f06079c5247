using Mosel.Policies.Offline;
using Mosel.Policies.Online;

namespace Mosel.Policies.Tests;

/// <summary>Random online queues over a strategy matrix: sizes and targets drawn per job.</summary>
internal static class RandomQueues
{
    /// <returns>The items and the total latency of the cheapest and of the most accurate plan.</returns>
    public static (List<OnlineItem> Items, double MinSeconds, double MaxSeconds) Create(Random random, StrategyMatrix matrix, int jobs, int maxSize = 12)
    {
        var items = new List<OnlineItem>();
        double min = 0;
        double max = 0;
        for (int j = 0; j < jobs; j++)
        {
            StrategyRow row = matrix.Row(1 + random.Next(Math.Min(maxSize, matrix.MaxSize)));
            double target = matrix.WorstAccuracy + (random.NextDouble() * (matrix.BestAccuracy - matrix.WorstAccuracy));
            var item = new OnlineItem(row, row.FirstFeasible(target));
            items.Add(item);
            min += item.Seconds(0);
            max += item.Seconds(item.Choices - 1);
        }
        return (items, min, max);
    }
}
