using Mosel.Executor.Models;
using Mosel.Executor.Native;

namespace Mosel.Experiments.Configuration;

/// <summary>How real forward passes run (executor.kind: torch).</summary>
public sealed record TorchExecution(string Model, ZooScale Scale, TorchDevice Device, LibTorchStatus LibTorch, string? Weights, bool WarmUp);
