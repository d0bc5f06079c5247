using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Reproduction;

/// <summary>
/// Both engines' metrics side by side, per load and policy (means over seeds): throughput as processed and as met by the
/// deadline, the violation ratio by deadline and as the reference tracer's window mean, served accuracy and JCT.
/// </summary>
public static class PerLoadTable
{
    private static readonly string[] s_columns =
        ["load (req/s)", "policy", "seeds", "processed (req/s)", "goodput (req/s)", "violations (deadline)", "violations (tracer windows)", "served accuracy", "mean JCT (ms)"];

    /// <param name="group">Splits the rows by a value of the run (a target band, a solve time), shown in a first column named <paramref name="groupColumn"/>.</param>
    public static ReportTable Build(string title, IReadOnlyList<RunOutcome> runs, Func<RunOutcome, string>? group = null, string groupColumn = "band") =>
        new(title, group is null ? s_columns : [groupColumn, .. s_columns],
        runs.GroupBy(r => (Group: group?.Invoke(r), Load: r.Run.LoadQps ?? 0, r.Run.Policy))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Load)
            .Select(g => Row(g.Key.Group, g.Key.Load, g.Key.Policy, g.ToArray()))
            .ToArray());

    private static string[] Row(string? group, double load, string policy, RunOutcome[] runs)
    {
        string Mean(Func<RunSummary, double> metric, string format) => SeedStatistics.Mean(runs, metric).ToString(format, CultureInfo.InvariantCulture);
        string[] cells =
        [
            load.ToString("0", CultureInfo.InvariantCulture), policy, runs.Length.ToString(CultureInfo.InvariantCulture),
            Mean(s => s.ProcessedRps, "0.0"), Mean(s => s.ThroughputRps, "0.0"), Mean(s => s.ViolationRatio * 100, "0.0") + " %",
            Mean(s => s.WindowViolationRatioRef * 100, "0.0") + " %", Mean(s => s.MeanServedAccuracy, "0.0000"), Mean(s => s.JctMeanSeconds * 1000, "0.0"),
        ];
        return group is null ? cells : [group, .. cells];
    }
}
