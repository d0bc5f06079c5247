using Mosel.Executor.Native;
using Mosel.Sim.Profiles;

namespace Mosel.Executor.Profiling;

/// <summary>What to measure.</summary>
public sealed record ProfilerSettings(IReadOnlyList<int> BatchSizes, IReadOnlyList<Precision> Precisions, TorchDevice Device, int Warmups = 3, int Runs = 10, int Seed = 1);
