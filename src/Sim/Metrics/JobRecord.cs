using Mosel.Sim.Model;

namespace Mosel.Sim.Metrics;

/// <summary>One finished, late, dropped or still-queued job, as written to jobs.csv.</summary>
public readonly record struct JobRecord(
    int Id,
    double ArrivalSeconds,
    double StartSeconds,
    double FinishSeconds,
    double DeadlineSeconds,
    int Size,
    double TargetAccuracy,
    Strategy Strategy,
    double ServedAccuracy,
    JobOutcome Outcome,
    double EstimatedServiceSeconds,
    double ActualServiceSeconds,
    DecisionPath DecisionPath,
    double DecisionWallSeconds,
    int Changes,
    int? CorrectRequests)
{
    /// <summary>The job as it stands now.</summary>
    public static JobRecord Of(Job job) => new(job.Id, job.ArrivalSeconds, job.StartSeconds, job.FinishSeconds, job.DeadlineSeconds,
        job.Size, job.TargetAccuracy, job.Strategy, job.Strategy.Accuracy, job.Outcome, job.EstimatedServiceSeconds,
        job.ActualServiceSeconds, job.LastDecision, job.DecisionWallSeconds, job.Changes, job.CorrectRequests);
}
