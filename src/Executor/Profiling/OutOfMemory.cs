using Mosel.Sim.Profiles;

namespace Mosel.Executor.Profiling;

/// <summary>A configuration whose largest batch did not fit in device memory.</summary>
public sealed record OutOfMemory(string Configuration, Precision Precision, int FailedBatchSize, int? LargestFittingBatchSize);
