namespace Mosel.Experiments.Reporting;

/// <summary>A summary metric a report plots: its column in aggregate.csv, its axis label and how its axis is ranged.</summary>
public sealed record ReportMetric(string Column, string Label, ReportAxis Axis)
{
    public static IReadOnlyList<ReportMetric> All { get; } =
    [
        new("throughput_rps", "goodput (req/s, met deadline)", ReportAxis.FromZero),
        new("violation_ratio", "SLO violation ratio (late or dropped)", ReportAxis.Share),
        new("mean_served_accuracy", "mean served accuracy", ReportAxis.AroundData),
        new("jct_p99_ms", "p99 job completion time (ms)", ReportAxis.FromZero),
    ];
}

/// <summary>How a metric's y axis is ranged: from 0, the whole [0, 1], or closely around the data (accuracies differ in the third digit).</summary>
public enum ReportAxis
{
    FromZero,
    Share,
    AroundData,
}
