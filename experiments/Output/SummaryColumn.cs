using System.Globalization;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>
/// One metric of a run's summary: its summary.csv column (unit in the name), its short label in tables, how tables
/// format it, and whether it is a headline metric (shown on the terminal and compared by fidelity).
/// </summary>
public sealed record SummaryColumn(string CsvName, string Label, Func<RunSummary, double> Value, string Format = "0.####", bool Headline = false)
{
    /// <summary>
    /// A table cell of this metric over seeds: the mean ± the half-width of its 95 % interval, the mean alone for one
    /// seed (no spread to show), a dash where the metric is undefined (no finished job).
    /// </summary>
    public string Cell(double mean, double ci95, int seeds) =>
        !double.IsFinite(mean) ? "—"
        : seeds < 2 || !double.IsFinite(ci95) ? mean.ToString(Format, CultureInfo.InvariantCulture)
        : $"{mean.ToString(Format, CultureInfo.InvariantCulture)} ± {ci95.ToString(Format, CultureInfo.InvariantCulture)}";
}
