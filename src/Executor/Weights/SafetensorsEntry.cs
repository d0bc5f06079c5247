namespace Mosel.Executor.Weights;

/// <summary>One tensor as a safetensors header describes it: its name, dtype (the format's name, e.g. F32) and shape.</summary>
public sealed record SafetensorsEntry(string Name, string Dtype, IReadOnlyList<long> Shape);
