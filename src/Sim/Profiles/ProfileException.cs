namespace Mosel.Sim.Profiles;

/// <summary>A profile that cannot be used; <see cref="Key"/> names the offending key path.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException(string key, string message)
        : base($"{key}: {message}")
    {
        Key = key;
    }

    public string Key { get; }
}
