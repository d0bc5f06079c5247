using Mosel.Executor.Models;
using Mosel.Executor.Native;

namespace Mosel.Experiments.Configuration;

/// <summary>Real forward passes as asked for: device, scale, where libtorch, the weights and the labelled dataset are (the model is the profile's).</summary>
public sealed record TorchPlan(TorchDevice Device, ZooScale Scale, string? LibTorchFolder, string? Weights, string? Dataset, bool WarmUp);
