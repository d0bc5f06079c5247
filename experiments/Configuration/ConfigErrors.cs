using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Collects every mistake in one config instead of stopping at the first, each as one line naming the file and the
/// key. A check whose inputs are already wrong is skipped by its caller, so one mistake gives one line.
/// </summary>
public sealed class ConfigErrors(string path)
{
    private readonly List<string> _lines = [];

    public bool Any => _lines.Count > 0;

    public void Add(string key, string message) => _lines.Add($"{path}: {key}: {message}");

    /// <summary>Lines that already name their file (another file's own errors, such as a profile's).</summary>
    public void AddLines(IEnumerable<string> lines) => _lines.AddRange(lines);

    /// <returns>Whether the check passed.</returns>
    public bool Check(bool condition, string key, string message)
    {
        if (!condition)
        {
            Add(key, message);
        }
        return condition;
    }

    public T? Required<T>(T? value, string key)
        where T : class
    {
        Check(value is not null, key, "missing required key");
        return value;
    }

    public T? Required<T>(T? value, string key)
        where T : struct
    {
        Check(value is not null, key, "missing required key");
        return value;
    }

    /// <summary>Looks a keyword up; an unknown one is an error listing what is allowed.</summary>
    public T? OneOf<T>(string? value, string key, IReadOnlyDictionary<string, T> allowed, string expected)
        where T : struct
    {
        if (value is not null && allowed.TryGetValue(value, out T found))
        {
            return found;
        }
        Add(key, $"must be {expected}, found '{value}'");
        return null;
    }

    public void ThrowIfAny()
    {
        if (_lines.Count > 0)
        {
            throw new ConfigException(_lines.ToArray());
        }
    }
}
