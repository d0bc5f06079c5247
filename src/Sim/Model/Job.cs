namespace Mosel.Sim.Model;

/// <summary>
/// A group of requests that arrive together and share one deadline and one accuracy target.
/// Policies read jobs; only the engine changes them (setters are internal), except the score, which the
/// executor that ran the job's real inputs records (<see cref="RecordCorrect"/>).
/// </summary>
public sealed class Job
{
    internal Job(int id, double arrivalSeconds, int size, double deadlineSeconds, double targetAccuracy, Strategy strategy)
    {
        Id = id;
        ArrivalSeconds = arrivalSeconds;
        Size = size;
        DeadlineSeconds = deadlineSeconds;
        TargetAccuracy = targetAccuracy;
        Strategy = strategy;
    }

    public int Id { get; }

    public double ArrivalSeconds { get; }

    public int Size { get; }

    public double DeadlineSeconds { get; }

    public double TargetAccuracy { get; }

    public Strategy Strategy { get; internal set; }

    public DecisionPath LastDecision { get; internal set; }

    /// <summary>Wall time of the last decision that changed this job's strategy.</summary>
    public double DecisionWallSeconds { get; internal set; }

    public int Changes { get; internal set; }

    public JobOutcome Outcome { get; internal set; }

    public double StartSeconds { get; internal set; } = double.NaN;

    public double FinishSeconds { get; internal set; } = double.NaN;

    public double ActualServiceSeconds { get; internal set; } = double.NaN;

    public double EstimatedServiceSeconds { get; internal set; } = double.NaN;

    /// <summary>How many of the job's requests the model answered right, where an executor scored them against labels; null otherwise.</summary>
    public int? CorrectRequests => _correct < 0 ? null : _correct;

    // An int, not an int?: a job is allocated for every arrival of a run (tens of millions), and this keeps it 8 bytes smaller.
    private int _correct = -1;

    /// <summary>
    /// Records the job's score: called by an executor that ran labelled inputs, after the job's forward passes and
    /// before it reports the job's completion (so the engine reads it on its own thread after the hand-back).
    /// </summary>
    public void RecordCorrect(int correct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, Size);
        _correct = correct;
    }
}
