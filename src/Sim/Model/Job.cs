namespace Mosel.Sim.Model;

/// <summary>
/// A group of requests that arrive together and share one deadline and one accuracy target.
/// Policies read jobs; only the engine changes them (setters are internal).
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
}
