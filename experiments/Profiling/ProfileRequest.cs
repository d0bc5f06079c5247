using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>What to measure: a zoo model at one scale on one device, its batch sizes and precisions, and how often.</summary>
/// <param name="Weights">A TorchSharp weights file, or null for seeded random weights.</param>
public sealed record ProfileRequest(string Model, ZooScale Scale, TorchDevice Device, int[] BatchSizes, Precision[] Precisions, int Runs, int Warmups,
    string? Weights = null);
