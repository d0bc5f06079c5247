using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;

namespace Mosel.Experiments.Configuration;

/// <summary>Real forward passes as asked for: device, scale, where libtorch, the weights and the labelled dataset are (the model is the profile's).</summary>
public sealed record TorchPlan(TorchDevice Device, ZooScale Scale, string? LibTorchFolder, string? Weights, WeightNameMap WeightNames, ScoringSplit? Dataset, bool WarmUp);
