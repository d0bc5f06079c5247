using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>
/// One metric of a run's summary: its summary.csv column (unit in the name), its short label on the terminal,
/// how the terminal formats it, and whether it is a headline metric (shown on the terminal and compared by fidelity).
/// </summary>
public sealed record SummaryColumn(string CsvName, string Label, Func<RunSummary, double> Value, string Format = "0.####", bool Headline = false);
