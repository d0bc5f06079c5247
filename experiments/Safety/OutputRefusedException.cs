namespace Mosel.Experiments.Safety;

/// <summary>Mosel will not write where the user pointed it (a folder or file it did not create, or a protected place).</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
