namespace Mosel.Experiments.Reporting;

/// <summary>
/// A figure of metric against x that a report draws: its name (the figure's file and its CSV's value columns), its axis
/// label, how its axis is ranged, and the aggregate.csv columns drawn as lines (one per policy and column; a column's
/// suffix tells its lines apart). A figure is left out unless each of its columns has a value somewhere.
/// </summary>
public sealed record ReportMetric(string Name, string Label, ReportAxis Axis, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>One column, named as the figure.</summary>
    public ReportMetric(string column, string label, ReportAxis axis)
        : this(column, label, axis, [new ReportLine(column, "")])
    {
    }

    public static IReadOnlyList<ReportMetric> All { get; } =
    [
        new("throughput_rps", "goodput (req/s, met deadline)", ReportAxis.FromZero),
        new("violation_ratio", "SLO violation ratio (late or dropped)", ReportAxis.Share),
        new("mean_served_accuracy", "mean served accuracy", ReportAxis.AroundData),
        new("jct_p99_ms", "p99 job completion time (ms)", ReportAxis.FromZero),
        // Scored torch runs only (executor.dataset): what the profile predicts beside what the scored requests measured.
        new("served_accuracy_measured", "served accuracy, scored requests", ReportAxis.AroundData,
            [new ReportLine("mean_served_accuracy", "predicted"), new ReportLine("measured_served_accuracy", "measured")]),
        // Close around the data: the measured and expected shares differ by points, not tens of points.
        new("share_jobs_meeting_target_measured", "share of jobs measuring at or above target", ReportAxis.AroundData,
            [new ReportLine("share_jobs_meeting_target_measured", "measured"), new ReportLine("share_jobs_meeting_target_expected", "expected from an exact profile")]),
    ];
}

/// <summary>One aggregate.csv column of a figure, and the suffix of its lines' names (empty for a figure of one column).</summary>
public sealed record ReportLine(string Column, string Suffix);

/// <summary>How a metric's y axis is ranged: from 0, the whole [0, 1], or closely around the data (accuracies differ in the third digit).</summary>
public enum ReportAxis
{
    FromZero,
    Share,
    AroundData,
}
