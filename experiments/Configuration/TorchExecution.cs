using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;

namespace Mosel.Experiments.Configuration;

/// <summary>How real forward passes run (executor.kind: torch); with a dataset, requests get its test samples and are scored.</summary>
public sealed record TorchExecution(string Model, ZooScale Scale, TorchDevice Device, LibTorchStatus LibTorch, string? Weights, WeightNameMap WeightNames,
    ScoringSplit? Dataset, bool WarmUp);
