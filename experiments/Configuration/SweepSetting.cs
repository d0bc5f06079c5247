namespace Mosel.Experiments.Configuration;

/// <summary>One swept key's value at a sweep point, the value in its canonical text (numbers as the shortest round-trip form).</summary>
public sealed record SweepSetting(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}
