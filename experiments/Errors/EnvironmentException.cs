namespace Mosel.Experiments.Errors;

/// <summary>
/// The machine, not the input, stopped a command: a program that is missing or failed (sbatch, espeak-ng, sox), a font it
/// cannot read. One line, exit 1 (bad input, <see cref="ConfigException"/>, is exit 2); the message says what to install
/// or check.
/// </summary>
public sealed class EnvironmentException : Exception
{
    public EnvironmentException(string message)
        : base(message)
    {
    }

    public EnvironmentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
