namespace Mosel.Experiments.Output;

/// <summary>
/// The one list of summary metrics, in summary.csv's order, behind summary.csv, aggregate.csv, the terminal table,
/// <c>mosel fidelity</c>, <c>mosel report</c> and <c>mosel reproduce</c>: add a metric here and all of them show it.
/// The metrics that code picks out by name are fields, so that no reader spells a metric's column again.
/// </summary>
public static class SummaryColumns
{
    public static readonly SummaryColumn OfferedSeconds = new("offered_s", "offered s", s => s.OfferedSeconds);
    public static readonly SummaryColumn Throughput = new("throughput_rps", "goodput r/s", s => s.ThroughputRps, "0.0", Headline: true);
    public static readonly SummaryColumn Processed = new("processed_rps", "processed r/s (ref)", s => s.ProcessedRps, "0.0");
    public static readonly SummaryColumn Violations = new("violation_ratio", "SLO viol", s => s.ViolationRatio, "0.0%", Headline: true);
    public static readonly SummaryColumn WindowViolationsReference = new("window_violation_ratio_ref", "window viol (ref tracer)", s => s.WindowViolationRatioRef, "0.0%");
    public static readonly SummaryColumn JctMean = new("jct_mean_ms", "JCT mean ms", s => s.JctMeanSeconds * 1000, "0.0");
    public static readonly SummaryColumn JctP99 = new("jct_p99_ms", "p99 ms", s => s.JctP99Seconds * 1000, "0.0", Headline: true);
    public static readonly SummaryColumn ServedAccuracy = new("mean_served_accuracy", "accuracy", s => s.MeanServedAccuracy, "0.0000", Headline: true);
    public static readonly SummaryColumn AtTarget = new("share_jobs_meeting_target", "≥ target", s => s.ShareJobsMeetingTarget, "0.0%", Headline: true);
    public static readonly SummaryColumn Scored = new("scored_requests", "scored", s => s.ScoredRequests);
    public static readonly SummaryColumn MeasuredAccuracy = new("measured_served_accuracy", "measured accuracy", s => s.MeasuredServedAccuracy, "0.0000");
    public static readonly SummaryColumn MeasuredAccuracySd = new("measured_served_accuracy_sd", "sampling sd", s => s.MeasuredServedAccuracySd, "0.0000");
    public static readonly SummaryColumn AtTargetMeasured = new("share_jobs_meeting_target_measured", "≥ target (measured)", s => s.ShareJobsMeetingTargetMeasured, "0.0%");
    public static readonly SummaryColumn AtTargetExpected = new("share_jobs_meeting_target_expected", "≥ target (expected)", s => s.ShareJobsMeetingTargetExpected, "0.0%");
    public static readonly SummaryColumn AtTargetExpectedSd = new("share_jobs_meeting_target_expected_sd", "sampling sd", s => s.ShareJobsMeetingTargetExpectedSd, "0.0%");

    // Declared after the fields above: static fields initialise in text order.
    public static readonly IReadOnlyList<SummaryColumn> All =
    [
        OfferedSeconds,
        new("submitted_jobs", "jobs", s => s.SubmittedJobs),
        new("submitted_requests", "requests", s => s.SubmittedRequests),
        new("met_requests", "met", s => s.MetRequests),
        new("late_requests", "late", s => s.LateRequests),
        new("dropped_requests", "dropped", s => s.DroppedRequests),
        new("queued_requests_at_end", "queued at end", s => s.QueuedRequestsAtEnd),
        Throughput,
        Processed,
        Violations,
        new("window_violation_ratio_met", "window viol (met)", s => s.WindowViolationRatioMet),
        WindowViolationsReference,
        JctMean,
        new("jct_p50_ms", "p50 ms", s => s.JctP50Seconds * 1000, "0.0", Headline: true),
        JctP99,
        ServedAccuracy,
        AtTarget,
        Scored,
        MeasuredAccuracy,
        MeasuredAccuracySd,
        AtTargetMeasured,
        AtTargetExpected,
        AtTargetExpectedSd,
        new("decisions", "decisions", s => s.Decisions),
        new("decision_wall_p50_ms", "decision p50 ms", s => s.DecisionWallP50Seconds * 1000),
        new("decision_wall_p99_ms", "decision p99 ms", s => s.DecisionWallP99Seconds * 1000),
        new("decision_charged_s", "decision charged s", s => s.DecisionChargedSeconds),
    ];

    public static IEnumerable<SummaryColumn> Headline => All.Where(c => c.Headline);
}
