using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>
/// One parameter point of a study (a policy at a load at a sweep point) over its seeds: every summary metric's <see cref="SeedSummary"/>,
/// in <see cref="SummaryColumns.All"/>'s order. Points keep the order in which the experiment lists their runs.
/// </summary>
public sealed record AggregatePoint(SweepPoint Sweep, string Policy, double? LoadQps, int Seeds, IReadOnlyList<SeedSummary> Metrics)
{
    public static IReadOnlyList<AggregatePoint> Build(IReadOnlyList<RunOutcome> outcomes) =>
        Build(outcomes.Select(o => (o.Run, SummaryColumns.All.Select(c => c.Value(o.Result.Summary)).ToArray())).ToArray());

    /// <summary>From each run's metric values in <see cref="SummaryColumns.All"/>'s order (as summary.csv holds them), runs in the study's order.</summary>
    public static IReadOnlyList<AggregatePoint> Build(IReadOnlyList<(RunSpec Run, double[] Metrics)> runs) => runs
        .GroupBy(r => (r.Run.Point, r.Run.Policy, r.Run.LoadQps))
        .Select(point => new AggregatePoint(point.Key.Point, point.Key.Policy, point.Key.LoadQps, point.Count(),
            SummaryColumns.All.Select((_, i) => SeedStatistics.Describe(point.Select(r => r.Metrics[i]).ToArray())).ToArray()))
        .ToArray();
}
