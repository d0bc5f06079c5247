namespace Mosel.Experiments.Configuration;

/// <summary>One point of a sweep: its position in the study and the value of every swept key, in the sweep's key order.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<SweepSetting> Settings)
{
    /// <summary>The single point of a config without <c>sweep:</c>.</summary>
    public static SweepPoint None { get; } = new(0, []);

    public string Label => string.Join(", ", Settings);

    /// <summary>The value of a swept key at this point, or null where the key is not swept.</summary>
    public string? ValueOf(string key) => Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
