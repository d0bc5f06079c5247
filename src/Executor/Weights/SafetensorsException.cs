namespace Mosel.Executor.Weights;

/// <summary>A safetensors file that cannot be read, or whose tensors do not fit the model: the message is one line naming the file.</summary>
public sealed class SafetensorsException(string message) : Exception(message);
