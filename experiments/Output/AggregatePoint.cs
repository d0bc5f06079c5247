using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>
/// One parameter point of a study (a policy at a load at a sweep point) over its seeds: every summary metric's <see cref="SeedSummary"/>,
/// in <see cref="SummaryColumns.All"/>'s order. Points keep the order in which the experiment lists their runs.
/// </summary>
public sealed record AggregatePoint(SweepPoint Sweep, string Policy, double? LoadQps, int Seeds, IReadOnlyList<SeedSummary> Metrics)
{
    public static IReadOnlyList<AggregatePoint> Build(IReadOnlyList<RunOutcome> outcomes) => outcomes
        .GroupBy(o => (o.Run.Point, o.Run.Policy, o.Run.LoadQps))
        .Select(point => new AggregatePoint(point.Key.Point, point.Key.Policy, point.Key.LoadQps, point.Count(),
            SummaryColumns.All.Select(c => SeedStatistics.Describe(point.Select(o => c.Value(o.Result.Summary)).ToArray())).ToArray()))
        .ToArray();
}
