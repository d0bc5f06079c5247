using Mosel.Executor.Models;
using Mosel.Executor.Native;

namespace Mosel.Experiments.Configuration;

/// <summary>Real forward passes as asked for: device, scale, where libtorch and the weights are (the model is the profile's).</summary>
public sealed record TorchPlan(TorchDevice Device, ZooScale Scale, string? LibTorchFolder, string? Weights, bool WarmUp);
