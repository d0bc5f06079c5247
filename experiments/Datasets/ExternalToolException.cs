namespace Mosel.Experiments.Datasets;

/// <summary>A program the dataset build runs is missing or failed; the message says which, and which Debian package provides it.</summary>
public sealed class ExternalToolException(string message) : Exception(message);
