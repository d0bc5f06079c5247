using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>
/// One parameter point of an experiment (a policy at a load) over its seeds: every summary metric's <see cref="SeedSummary"/>,
/// in <see cref="SummaryColumns.All"/>'s order. Points keep the order in which the experiment lists their runs.
/// </summary>
public sealed record AggregatePoint(string Policy, double? LoadQps, int Seeds, IReadOnlyList<SeedSummary> Metrics)
{
    public static IReadOnlyList<AggregatePoint> Build(IReadOnlyList<RunOutcome> outcomes) => outcomes
        .GroupBy(o => (o.Run.Policy, o.Run.LoadQps))
        .Select(point => new AggregatePoint(point.Key.Policy, point.Key.LoadQps, point.Count(),
            SummaryColumns.All.Select(c => SeedStatistics.Describe(point.Select(o => c.Value(o.Result.Summary)).ToArray())).ToArray()))
        .ToArray();
}
