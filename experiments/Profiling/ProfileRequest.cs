using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>What to measure: a zoo model at one scale on one device, its batch sizes and precisions, and how often.</summary>
/// <param name="WeightNames">Renames from a .safetensors file's tensor names to the model's (<see cref="WeightNameMap.Identity"/> for none).</param>
/// <param name="Weights">A weights file (TorchSharp or .safetensors), or null for seeded random weights.</param>
/// <param name="AccuracyDataset">A digits dataset whose test split the accuracy is measured on, or null to carry the published accuracy.</param>
public sealed record ProfileRequest(string Model, ZooScale Scale, TorchDevice Device, int[] BatchSizes, Precision[] Precisions, int Runs, int Warmups,
    WeightNameMap WeightNames, string? Weights = null, string? AccuracyDataset = null);
