using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Plots;

namespace Mosel.Experiments.Reproduction;

/// <summary>A summary metric of a figure's runs as plot series: means over seeds with 95 % Student-t intervals.</summary>
public static class SeriesByLoad
{
    /// <summary>What the error bars of every series built here are, for the figure's axis label.</summary>
    public const string ErrorBars = "error bars: 95 % CI over seeds";

    /// <summary>One series per policy: metric against load.</summary>
    public static IReadOnlyList<DataSeries> Build(IReadOnlyList<RunOutcome> outcomes, SummaryColumn metric, Func<string, string>? label = null) =>
        outcomes.GroupBy(o => o.Run.Policy)
            .Select(policy => new DataSeries(label?.Invoke(policy.Key) ?? policy.Key, policy
                .GroupBy(o => o.Run.LoadQps ?? 0)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    (double mean, double half) = SeedStatistics.MeanCi(g.Select(o => metric.Value(o.Result.Summary)).ToArray());
                    return new SeriesPoint(g.Key, mean, half);
                })
                .ToArray()))
            .ToArray();
}
