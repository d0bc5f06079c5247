namespace Mosel.Sim.Metrics;

/// <summary>
/// The authors' violation-ratio tracer, rule for rule: 4-s windows from 5 s after launch; per window
/// <c>1 − min(1, processed / submitted)</c> over requests, 0.99 when something was submitted and nothing processed, 0.01
/// when something was processed and nothing submitted, nothing when both are 0; the run's value is the unweighted mean
/// over windows. It stops once it has read 3 windows without submissions, counted over the whole run, and its very first
/// read (at the 5-s mark, just after its reset) is always one of them.
/// </summary>
public static class ReferenceTracer
{
    public const double StartSeconds = 5;
    public const double WindowSeconds = 4;
    public const double NothingProcessed = 0.99;
    public const double NothingSubmitted = 0.01;
    private const int EmptyReadsToStop = 3;

    /// <summary>The mean window ratio; windows past the end of the list count as empty. NaN when no window has a ratio.</summary>
    public static double MeanViolationRatio(IReadOnlyList<TracerWindow> windows)
    {
        int emptyReads = 1;
        double sum = 0;
        int ratios = 0;
        for (int i = 0; emptyReads < EmptyReadsToStop; i++)
        {
            TracerWindow window = i < windows.Count ? windows[i] : default;
            if (Ratio(window) is double ratio)
            {
                sum += ratio;
                ratios++;
            }
            if (window.SubmittedRequests <= 0)
            {
                emptyReads++;
            }
        }
        return ratios == 0 ? double.NaN : sum / ratios;
    }

    public static double? Ratio(TracerWindow window) => (window.SubmittedRequests > 0, window.ProcessedRequests > 0) switch
    {
        (true, true) => 1 - Math.Min(1.0, (double)window.ProcessedRequests / window.SubmittedRequests),
        (true, false) => NothingProcessed,
        (false, true) => NothingSubmitted,
        _ => null,
    };
}
