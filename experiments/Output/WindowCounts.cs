using Mosel.Plots;

namespace Mosel.Experiments.Output;

/// <summary>
/// One metrics window's counts (from a run's results or from windows.csv), and their rates for the time-series figure.
/// </summary>
public readonly record struct WindowCounts(double StartSeconds, double Submitted, double Met, double Late, double Dropped, double MeanAccuracy,
    IReadOnlyList<double> PerConfiguration)
{
    /// <summary>
    /// Requests per second (offered, met, late or dropped), the mean served accuracy and the modality mix (share of the
    /// window's finished requests per configuration; NaN where none finished) of each window, and the window width.
    /// Windows past the offered-load window only hold the drain of the last jobs and are left out.
    /// </summary>
    public static (WindowPoint[] Points, double Width) Rates(IReadOnlyList<WindowCounts> windows, double offeredSeconds)
    {
        double width = windows.Count > 1 ? windows[1].StartSeconds - windows[0].StartSeconds : 4;
        WindowPoint[] points = windows.Where(w => w.StartSeconds + width <= offeredSeconds + 1e-9).Select(w =>
        {
            double finished = w.PerConfiguration.Sum();
            return new WindowPoint(w.StartSeconds, w.Submitted / width, w.Met / width, (w.Late + w.Dropped) / width, w.MeanAccuracy,
                w.PerConfiguration.Select(n => finished == 0 ? double.NaN : n / finished).ToArray());
        }).ToArray();
        return (points, width);
    }
}
