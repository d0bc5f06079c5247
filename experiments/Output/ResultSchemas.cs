using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>The columns of every per-run result CSV (summary, windows, accuracy histogram, jobs, decisions), each declared once.</summary>
public static class ResultSchemas
{
    public static readonly CsvSchema<JobRow> Jobs = new(
    [
        .. RunColumns<JobRow>(r => r.Run),
        new("job_id", r => r.Job.Id),
        new("arrival_s", r => r.Job.ArrivalSeconds),
        new("start_s", r => r.Job.StartSeconds),
        new("finish_s", r => r.Job.FinishSeconds),
        new("deadline_s", r => r.Job.DeadlineSeconds),
        new("size", r => r.Job.Size),
        new("target_accuracy", r => r.Job.TargetAccuracy),
        new("strategy", r => r.Job.Strategy.Describe(r.Profile)),
        new("served_accuracy", r => r.Job.ServedAccuracy),
        new("outcome", r => r.Job.Outcome.ToString().ToLowerInvariant()),
        new("estimated_latency_ms", r => r.Job.EstimatedServiceSeconds * 1000),
        new("actual_latency_ms", r => r.Job.ActualServiceSeconds * 1000),
        new("decision_path", r => r.Job.DecisionPath.ToString().ToLowerInvariant()),
        new("decision_wall_ms", r => r.Job.DecisionWallSeconds * 1000),
        new("changes", r => r.Job.Changes),
    ]);

    public static readonly CsvSchema<DecisionRow> Decisions = new(
    [
        .. RunColumns<DecisionRow>(r => r.Run),
        new("time_s", r => r.Decision.TimeSeconds),
        new("trigger", r => r.Decision.Trigger),
        new("path", r => r.Decision.Path.ToString().ToLowerInvariant()),
        new("wall_ms", r => r.Decision.WallSeconds * 1000),
        new("charged_ms", r => r.Decision.ChargedSeconds * 1000),
        new("objective", r => r.Decision.Objective),
        new("jobs_changed", r => r.Decision.JobsChanged),
        new("jobs_dropped", r => r.Decision.JobsDropped),
        new("queue_length", r => r.Decision.QueueLength),
        new("violator_id", r => r.Decision.ViolatorId),
        new("changed_job_ids", r => string.Join(';', r.Decision.ChangedJobIds)),
        new("dropped_job_ids", r => string.Join(';', r.Decision.DroppedJobIds)),
    ]);

    public static readonly CsvSchema<AccuracyBinRow> AccuracyHistogram = new(
    [
        .. RunColumns<AccuracyBinRow>(r => r.Run),
        new("job_accuracy_from", r => (double)r.Bin / RunResult.AccuracyBins),
        new("job_accuracy_to", r => (double)(r.Bin + 1) / RunResult.AccuracyBins),
        new("requests", r => r.Requests),
    ]);

    /// <summary>Run, policy, precision, load and seed; every metric of <see cref="SummaryColumns"/>; conservation; requests per configuration.</summary>
    public static CsvSchema<SummaryRow> Summary(ModelProfile profile) => new(
    [
        new("run", r => r.Run.Index),
        new("policy", r => r.Run.Policy),
        new("precision", r => Policies.PolicyCatalog.PrecisionOf(r.Run.Policy).ToName()),
        new("load_qps", r => r.Run.LoadQps),
        new("seed", r => r.Run.Seed),
        .. SummaryColumns.All.Select(c => new CsvColumn<SummaryRow>(c.CsvName, r => c.Value(r.Summary))),
        new("conservation_ok", r => r.Summary.ConservationHolds ? "true" : "false"),
        .. PerConfiguration<SummaryRow>(profile, r => r.Summary.FinishedRequestsPerConfiguration),
    ]);

    public static CsvSchema<WindowRow> Windows(ModelProfile profile) => new(
    [
        .. RunColumns<WindowRow>(r => r.Run),
        new("window_start_s", r => r.Window.StartSeconds),
        new("submitted_requests", r => r.Window.SubmittedRequests),
        new("met_requests", r => r.Window.MetRequests),
        new("late_requests", r => r.Window.LateRequests),
        new("dropped_requests", r => r.Window.DroppedRequests),
        new("mean_served_accuracy", r => r.Window.MeanServedAccuracy),
        new("queue_length", r => r.Window.QueueLengthAtEnd),
        new("window_violation_ratio_ref", r => r.Window.ReferenceViolationRatio),
        .. PerConfiguration<WindowRow>(profile, r => r.Window.FinishedRequestsPerConfiguration),
    ]);

    /// <summary>The columns every per-run row starts with.</summary>
    private static CsvColumn<T>[] RunColumns<T>(Func<T, RunSpec> run) =>
    [
        new("run", r => run(r).Index),
        new("policy", r => run(r).Policy),
        new("load_qps", r => run(r).LoadQps),
        new("seed", r => run(r).Seed),
    ];

    /// <summary>Finished requests per configuration of the profile, one column each.</summary>
    private static IEnumerable<CsvColumn<T>> PerConfiguration<T>(ModelProfile profile, Func<T, IReadOnlyList<long>> counts) =>
        profile.Configurations.Select((c, i) => new CsvColumn<T>($"requests_{c.Name}", r => counts(r)[i]));
}
