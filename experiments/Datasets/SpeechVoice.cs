namespace Mosel.Experiments.Datasets;

/// <summary>One espeak-ng voice setting: an English accent, a voice variant, a speed (words per minute) and a pitch (0–99).</summary>
public sealed record SpeechVoice(string Accent, string Variant, int WordsPerMinute, int Pitch)
{
    /// <summary>The accents drawn from: espeak-ng's own English voices (no MBROLA voice, which needs another package).</summary>
    public static IReadOnlyList<string> Accents { get; } =
        ["en-gb", "en-us", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp", "en-gb-x-gbcwmd", "en-029", "en-us-nyc"];

    /// <summary>espeak-ng's male and female voice variants drawn from.</summary>
    public static IReadOnlyList<string> Variants { get; } = ["m1", "m3", "m5", "m7", "f1", "f2", "f3", "f4"];

    /// <summary>The -v argument of espeak-ng.</summary>
    public string Voice => $"{Accent}+{Variant}";

    public static SpeechVoice Draw(Random random) => new(
        Accents[random.Next(Accents.Count)], Variants[random.Next(Variants.Count)], 120 + random.Next(81), 25 + random.Next(51));
}
