using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>The columns of every per-run result CSV (summary, windows, job accuracy, jobs, decisions), each declared once.</summary>
public static class ResultSchemas
{
    public static CsvSchema<JobRow> Jobs(IReadOnlyList<string> sweptKeys) => new(
    [
        .. RunColumns<JobRow>(sweptKeys, (in r) => r.Run),
        new("job_id", (in r) => r.Job.Id),
        new("arrival_s", (in r) => r.Job.ArrivalSeconds),
        new("start_s", (in r) => r.Job.StartSeconds),
        new("finish_s", (in r) => r.Job.FinishSeconds),
        new("deadline_s", (in r) => r.Job.DeadlineSeconds),
        new("size", (in r) => r.Job.Size),
        new("target_accuracy", (in r) => r.Job.TargetAccuracy),
        new("strategy", (in r) => r.Job.Strategy.Describe(r.Profile)),
        new("served_accuracy", (in r) => r.Job.ServedAccuracy),
        new("correct_requests", (in r) => r.Job.CorrectRequests),
        new("outcome", (in r) => r.Job.Outcome.ToString().ToLowerInvariant()),
        new("estimated_latency_ms", (in r) => r.Job.EstimatedServiceSeconds * 1000),
        new("actual_latency_ms", (in r) => r.Job.ActualServiceSeconds * 1000),
        new("decision_path", (in r) => r.Job.DecisionPath.ToString().ToLowerInvariant()),
        new("decision_wall_ms", (in r) => r.Job.DecisionWallSeconds * 1000),
        new("changes", (in r) => r.Job.Changes),
    ]);

    public static CsvSchema<DecisionRow> Decisions(IReadOnlyList<string> sweptKeys) => new(
    [
        .. RunColumns<DecisionRow>(sweptKeys, (in r) => r.Run),
        new("time_s", (in r) => r.Decision.TimeSeconds),
        new("trigger", (in r) => r.Decision.Trigger),
        new("path", (in r) => r.Decision.Path.ToString().ToLowerInvariant()),
        new("wall_ms", (in r) => r.Decision.WallSeconds * 1000),
        new("charged_ms", (in r) => r.Decision.ChargedSeconds * 1000),
        new("objective", (in r) => r.Decision.Objective),
        new("jobs_changed", (in r) => r.Decision.JobsChanged),
        new("jobs_dropped", (in r) => r.Decision.JobsDropped),
        new("queue_length", (in r) => r.Decision.QueueLength),
        new("violator_id", (in r) => r.Decision.ViolatorId),
        new("changed_job_ids", (in r) => string.Join(';', r.Decision.ChangedJobIds)),
        new("dropped_job_ids", (in r) => string.Join(';', r.Decision.DroppedJobIds)),
    ]);

    public static CsvSchema<JobAccuracyRow> JobAccuracy(IReadOnlyList<string> sweptKeys) => new(
    [
        .. RunColumns<JobAccuracyRow>(sweptKeys, (in r) => r.Run),
        new(ResultColumns.JobAccuracy, (in r) => r.Mass.Accuracy),
        new(ResultColumns.Requests, (in r) => r.Mass.Requests),
    ]);

    /// <summary>Run id, swept keys, policy, precision, load and seed; every metric of <see cref="SummaryColumns"/>; conservation; requests per configuration.</summary>
    public static CsvSchema<SummaryRow> Summary(ModelProfile profile, IReadOnlyList<string> sweptKeys) => new(
    [
        new(ResultColumns.RunId, (in r) => r.Run.Id),
        .. SweptColumns<SummaryRow>(sweptKeys, (in r) => r.Run),
        new(ResultColumns.Policy, (in r) => r.Run.Policy),
        new("precision", (in r) => Policies.PolicyCatalog.PrecisionOf(r.Run.Policy).ToName()),
        new(ResultColumns.LoadQps, (in r) => r.Run.LoadQps),
        new(ResultColumns.Seed, (in r) => r.Run.Seed),
        .. SummaryColumns.All.Select(c => new CsvColumn<SummaryRow>(c.CsvName, (in SummaryRow r) => c.Value(r.Summary))),
        new("conservation_ok", (in r) => r.Summary.ConservationHolds ? "true" : "false"),
        .. PerConfiguration<SummaryRow>(profile, r => r.Summary.FinishedRequestsPerConfiguration),
    ]);

    public static CsvSchema<WindowRow> Windows(ModelProfile profile, IReadOnlyList<string> sweptKeys) => new(
    [
        .. RunColumns<WindowRow>(sweptKeys, (in r) => r.Run),
        new(WindowColumns.Start, (in r) => r.Window.StartSeconds),
        new(WindowColumns.Submitted, (in r) => r.Window.SubmittedRequests),
        new(WindowColumns.Met, (in r) => r.Window.MetRequests),
        new(WindowColumns.Late, (in r) => r.Window.LateRequests),
        new(WindowColumns.Dropped, (in r) => r.Window.DroppedRequests),
        new(WindowColumns.MeanServedAccuracy, (in r) => r.Window.MeanServedAccuracy),
        new(WindowColumns.QueueLength, (in r) => r.Window.QueueLengthAtEnd),
        new(WindowColumns.ViolationRatioMet, (in r) => r.Window.MetViolationRatio),
        .. PerConfiguration<WindowRow>(profile, r => r.Window.FinishedRequestsPerConfiguration),
    ]);

    /// <summary>A row's run, read by reference like the columns themselves.</summary>
    private delegate RunSpec RunOf<T>(in T row);

    /// <summary>The columns every per-run row starts with: the run's stable id, its swept values, policy, load and seed.</summary>
    private static CsvColumn<T>[] RunColumns<T>(IReadOnlyList<string> sweptKeys, RunOf<T> run) =>
    [
        new(ResultColumns.RunId, (in r) => run(r).Id),
        .. SweptColumns(sweptKeys, run),
        new(ResultColumns.Policy, (in r) => run(r).Policy),
        new(ResultColumns.LoadQps, (in r) => run(r).LoadQps),
        new(ResultColumns.Seed, (in r) => run(r).Seed),
    ];

    /// <summary>One column per swept key, named as the sweep names it (e.g. <c>executor.estimate_factor</c>).</summary>
    private static IEnumerable<CsvColumn<T>> SweptColumns<T>(IReadOnlyList<string> sweptKeys, RunOf<T> run) =>
        sweptKeys.Select((key, i) => new CsvColumn<T>(key, (in T r) => run(r).Point.Settings[i].Value));

    /// <summary>Finished requests per configuration of the profile, one column each (<see cref="ResultColumns.RequestsOf"/>).</summary>
    private static IEnumerable<CsvColumn<T>> PerConfiguration<T>(ModelProfile profile, Func<T, IReadOnlyList<long>> counts) =>
        profile.Configurations.Select((c, i) => new CsvColumn<T>(ResultColumns.RequestsOf(c.Name), (in T r) => counts(r)[i]));
}
