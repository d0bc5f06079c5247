using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>A decision of one run, as decisions.csv writes it.</summary>
public readonly record struct DecisionRow(RunSpec Run, DecisionRecord Decision);
