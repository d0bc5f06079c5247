using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>One distinct served accuracy of one run and the finished requests whose job served it, as job_accuracy.csv writes it.</summary>
public readonly record struct JobAccuracyRow(RunSpec Run, AccuracyMass Mass);
