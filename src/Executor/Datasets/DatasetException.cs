namespace Mosel.Executor.Datasets;

/// <summary>A dataset file that cannot be used; the message names the file and what is wrong.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
