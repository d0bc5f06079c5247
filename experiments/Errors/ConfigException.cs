namespace Mosel.Experiments.Errors;

/// <summary>
/// Bad user input (config, profile, trace, arguments): each line names the file and the key or line. A config with
/// several mistakes gives one line per mistake, in the order the config's keys are read.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
        Lines = [message];
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
        Lines = [message];
    }

    public ConfigException(IReadOnlyList<string> lines)
        : base(string.Join(Environment.NewLine, lines))
    {
        Lines = lines;
    }

    public IReadOnlyList<string> Lines { get; }
}
