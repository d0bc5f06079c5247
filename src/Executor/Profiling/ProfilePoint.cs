using Mosel.Sim.Profiles;

namespace Mosel.Executor.Profiling;

/// <summary>
/// One measured point: a configuration at one precision and batch size, with the median, mean and quartiles of its timed
/// runs. Peak memory is the process's peak resident memory on CPU; on CUDA it is not measured (TorchSharp 0.107 exposes
/// no CUDA memory statistics).
/// </summary>
public sealed record ProfilePoint(string Configuration, Precision Precision, int BatchSize, double MedianMs, double MeanMs, int Runs, double? PeakMemoryBytes,
    double Q1Ms, double Q3Ms);
