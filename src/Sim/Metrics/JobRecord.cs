using Mosel.Sim.Engine;

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
    int Changes);

/// <summary>One policy decision that ran a solver or changed something.</summary>
public readonly record struct DecisionRecord(
    double TimeSeconds,
    string Trigger,
    DecisionPath Path,
    double WallSeconds,
    double ChargedSeconds,
    double Objective,
    int JobsChanged,
    int JobsDropped,
    int QueueLength,
    int ViolatorId,
    IReadOnlyList<int> ChangedJobIds,
    IReadOnlyList<int> DroppedJobIds);

/// <summary>Receives per-job and per-decision records as the run produces them (the host streams them to disk).</summary>
public interface IRunRecorder
{
    void Job(in JobRecord record);

    void Decision(in DecisionRecord record);
}
