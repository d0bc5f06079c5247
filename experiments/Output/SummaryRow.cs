using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>A run's summary, as summary.csv writes it.</summary>
public readonly record struct SummaryRow(RunSpec Run, RunSummary Summary);
