using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// A figure of metric against x that a report draws: its name (the figure's file and its CSV's metric column), its axis
/// label, how its axis is ranged, and the summary metrics drawn as lines (one per policy and metric; a metric's suffix
/// tells its lines apart). The metrics are <see cref="SummaryColumns"/>' own, read from aggregate.csv under the names it
/// writes them. A figure is left out unless each of its metrics has a value somewhere.
/// </summary>
public sealed record ReportMetric(string Name, string Label, ReportAxis Axis, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>One metric, named as the figure.</summary>
    public ReportMetric(SummaryColumn metric, string label, ReportAxis axis)
        : this(metric.CsvName, label, axis, [new ReportLine(metric, "")])
    {
    }

    public static IReadOnlyList<ReportMetric> All { get; } =
    [
        new(SummaryColumns.Throughput, "goodput (req/s, met deadline)", ReportAxis.FromZero),
        new(SummaryColumns.Violations, "SLO violation ratio (late or dropped)", ReportAxis.Share),
        new(SummaryColumns.ServedAccuracy, "mean served accuracy", ReportAxis.AroundData),
        new(SummaryColumns.JctP99, "p99 job completion time (ms)", ReportAxis.FromZero),
        // Scored torch runs only (executor.dataset): what the profile predicts beside what the scored requests measured.
        new("served_accuracy_measured", "served accuracy, scored requests", ReportAxis.AroundData,
            [new ReportLine(SummaryColumns.ServedAccuracy, "predicted"), new ReportLine(SummaryColumns.MeasuredAccuracy, "measured")]),
        // Close around the data: the measured and expected shares differ by points, not tens of points.
        new(SummaryColumns.AtTargetMeasured.CsvName, "share of jobs measuring at or above target", ReportAxis.AroundData,
            [new ReportLine(SummaryColumns.AtTargetMeasured, "measured"), new ReportLine(SummaryColumns.AtTargetExpected, "expected from an exact profile")]),
    ];

    /// <summary>Whether this figure's lines are goodput, which a load axis compares with the load offered.</summary>
    public bool IsGoodput => Lines is [{ Metric: var metric }] && metric == SummaryColumns.Throughput;
}

/// <summary>One summary metric of a figure, and the suffix of its lines' names (empty for a figure of one metric).</summary>
public sealed record ReportLine(SummaryColumn Metric, string Suffix);

/// <summary>How a metric's y axis is ranged: from 0, the whole [0, 1], or closely around the data (accuracies differ in the third digit).</summary>
public enum ReportAxis
{
    FromZero,
    Share,
    AroundData,
}
