namespace Mosel.Experiments.Configuration;

/// <summary>Bad user input (config, profile, trace): the message names the file and the key or line.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
