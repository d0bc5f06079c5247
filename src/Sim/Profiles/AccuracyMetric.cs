namespace Mosel.Sim.Profiles;

/// <summary>
/// How a profile's accuracy numbers were reported. Lower-is-better metrics (WER) are turned into
/// a score explicitly: score = 1 - value (fraction) or 1 - value / 100 (percent).
/// </summary>
public sealed record AccuracyMetric(string Name, string Unit, bool HigherIsBetter, bool Approximate, string Source)
{
    public static AccuracyMetric Default { get; } = new("accuracy", "fraction", true, false, "");

    /// <summary>Per configuration, the counts and interval behind a measured accuracy (<c>mosel profile --accuracy</c>); empty for a published table.</summary>
    public IReadOnlyDictionary<string, AccuracyCount> Measured { get; init; } = new Dictionary<string, AccuracyCount>();

    // Value equality throughout: two metrics with the same counts are equal, whichever dictionaries hold them.
    public bool Equals(AccuracyMetric? other) =>
        other is not null && Name == other.Name && Unit == other.Unit && HigherIsBetter == other.HigherIsBetter &&
        Approximate == other.Approximate && Source == other.Source && Measured.Count == other.Measured.Count &&
        Measured.All(m => other.Measured.TryGetValue(m.Key, out AccuracyCount? count) && count == m.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Unit, HigherIsBetter, Approximate, Source, Measured.Count);

    public double ToScore(double published)
    {
        double fraction = Unit == "percent" ? published / 100.0 : published;
        return HigherIsBetter ? fraction : 1.0 - fraction;
    }

    public string ScoreDescription => HigherIsBetter ? Name : $"1 - {Name}";
}
