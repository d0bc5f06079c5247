namespace Mosel.Sim.Metrics;

/// <summary>
/// Counts for one fixed window of simulated time (4 s by default). Arrivals count in the window of
/// their arrival; outcomes in the window of their finish (or drop) time.
/// </summary>
public sealed class WindowStats
{
    internal WindowStats(int index, double startSeconds, int configurations)
    {
        Index = index;
        StartSeconds = startSeconds;
        FinishedRequestsPerConfiguration = new long[configurations];
    }

    public int Index { get; }

    public double StartSeconds { get; }

    public long SubmittedRequests { get; internal set; }

    public long SubmittedJobs { get; internal set; }

    public long MetRequests { get; internal set; }

    public long LateRequests { get; internal set; }

    public long DroppedRequests { get; internal set; }

    public double ServedAccuracySum { get; internal set; }

    /// <summary>Requests that finished (met or late) in this window, by configuration: the modality mix.</summary>
    public long[] FinishedRequestsPerConfiguration { get; }

    /// <summary>Jobs waiting in the EDF queue at the end of the window.</summary>
    public int QueueLengthAtEnd { get; internal set; }

    public long FinishedRequests => MetRequests + LateRequests;

    /// <summary>Mean served accuracy of the requests that finished in this window; NaN when none did.</summary>
    public double MeanServedAccuracy => FinishedRequests == 0 ? double.NaN : ServedAccuracySum / FinishedRequests;

    /// <summary>The window form by deadline: 1 - min(1, met / submitted); NaN when nothing was submitted.</summary>
    public double MetViolationRatio =>
        SubmittedRequests == 0 ? double.NaN : 1 - Math.Min(1.0, (double)MetRequests / SubmittedRequests);
}
