using System.Globalization;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Reproduction;

/// <summary>
/// A figure's runs as a table: a row per group (when any), load and policy, and each chosen summary metric as the mean
/// over seeds ± its 95 % interval, formatted as <see cref="SummaryColumns"/> formats it everywhere.
/// </summary>
public static class PerLoadTable
{
    /// <summary>
    /// Both engines' metrics side by side: throughput as processed and as met by the deadline, the violation ratio by
    /// deadline and as the reference tracer's window mean, served accuracy and mean JCT.
    /// </summary>
    public static readonly IReadOnlyList<SummaryColumn> BothEngines =
    [
        SummaryColumns.Processed, SummaryColumns.Throughput, SummaryColumns.Violations, SummaryColumns.WindowViolationsReference,
        SummaryColumns.ServedAccuracy, SummaryColumns.JctMean,
    ];

    /// <param name="groups">Columns before the load that split the rows (a trace, a target band, a solve time), each with how a run gets its value.</param>
    /// <param name="metrics">The metric columns; default: <see cref="BothEngines"/>.</param>
    public static ReportTable Build(string title, IReadOnlyList<RunOutcome> runs, IReadOnlyList<(string Column, Func<RunOutcome, string> Value)>? groups = null,
        IReadOnlyList<SummaryColumn>? metrics = null)
    {
        groups ??= [];
        metrics ??= BothEngines;
        // Groups and loads sorted; policies in the order the study lists them.
        var rows = runs.GroupBy(r => (Group: string.Join('\u001f', groups.Select(g => g.Value(r))), Load: r.Run.LoadQps ?? 0, r.Run.Policy))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Load)
            .Select(g =>
            {
                RunOutcome[] seeds = [.. g];
                return (IReadOnlyList<string>)
                [
                    .. groups.Select(c => c.Value(seeds[0])), g.Key.Load.ToString("0", CultureInfo.InvariantCulture), PolicyLabels.For(g.Key.Policy),
                    seeds.Length.ToString(CultureInfo.InvariantCulture),
                    .. metrics.Select(m => Cell(m, seeds)),
                ];
            })
            .ToArray();
        return new ReportTable(title, [.. groups.Select(g => g.Column), "load (req/s)", "policy", ResultColumns.Seeds, .. metrics.Select(m => m.Label)], rows);
    }

    private static string Cell(SummaryColumn metric, RunOutcome[] seeds)
    {
        SeedSummary summary = SeedStatistics.Describe([.. seeds.Select(r => metric.Value(r.Result.Summary))]);
        return metric.Cell(summary.Mean, summary.Ci95, summary.N);
    }
}
