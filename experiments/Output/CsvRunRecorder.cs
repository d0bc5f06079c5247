using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>Streams one run's per-job and per-decision records to part files (joined in run order at the end).</summary>
public sealed class CsvRunRecorder : IRunRecorder, IDisposable
{
    public static readonly string[] JobHeader =
    [
        "run", "policy", "load_qps", "seed", "job_id", "arrival_s", "start_s", "finish_s", "deadline_s", "size",
        "target_accuracy", "strategy", "served_accuracy", "outcome", "estimated_latency_ms", "actual_latency_ms",
        "decision_path", "decision_wall_ms", "changes",
    ];

    public static readonly string[] DecisionHeader =
    [
        "run", "policy", "load_qps", "seed", "time_s", "trigger", "path", "wall_ms", "charged_ms", "objective",
        "jobs_changed", "jobs_dropped", "queue_length", "violator_id", "changed_job_ids", "dropped_job_ids",
    ];

    private readonly CsvWriter _jobs;
    private readonly CsvWriter _decisions;
    private readonly RunSpec _run;
    private readonly ModelProfile _profile;

    public CsvRunRecorder(RunSpec run, ModelProfile profile, string jobsPath, string decisionsPath)
    {
        _run = run;
        _profile = profile;
        _jobs = CsvFiles.Create(jobsPath);
        _decisions = CsvFiles.Create(decisionsPath);
    }

    public void Job(in JobRecord record)
    {
        JobRecord r = record;
        _jobs.WriteRow(_run.Index, _run.Policy, _run.LoadQps, _run.Seed, r.Id, r.ArrivalSeconds, r.StartSeconds, r.FinishSeconds,
            r.DeadlineSeconds, r.Size, r.TargetAccuracy, r.Strategy.Describe(_profile), r.ServedAccuracy,
            r.Outcome.ToString().ToLowerInvariant(), r.EstimatedServiceSeconds * 1000, r.ActualServiceSeconds * 1000,
            r.DecisionPath.ToString().ToLowerInvariant(), r.DecisionWallSeconds * 1000, r.Changes);
    }

    public void Decision(in DecisionRecord record)
    {
        DecisionRecord r = record;
        _decisions.WriteRow(_run.Index, _run.Policy, _run.LoadQps, _run.Seed, r.TimeSeconds, r.Trigger,
            r.Path.ToString().ToLowerInvariant(), r.WallSeconds * 1000, r.ChargedSeconds * 1000, r.Objective,
            r.JobsChanged, r.JobsDropped, r.QueueLength, r.ViolatorId, string.Join(';', r.ChangedJobIds), string.Join(';', r.DroppedJobIds));
    }

    public void Dispose()
    {
        _jobs.Dispose();
        _decisions.Dispose();
    }
}
