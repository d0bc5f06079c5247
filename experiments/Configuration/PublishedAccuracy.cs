using Mosel.Experiments.Errors;
using Mosel.Sim.Profiles;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Published accuracies per modality subset (profiles/accuracy/*.yaml, copied from the project's shared
/// model notes with their sources), for profiles the profiler writes.
/// </summary>
public static class PublishedAccuracy
{
    /// <summary>Which published entry each zoo model takes its accuracy from.</summary>
    public static IReadOnlyDictionary<string, string> EntryForModel { get; } = new Dictionary<string, string>
    {
        ["tvlt"] = "tvlt-cmu-mosei",
        ["vilt"] = "vilt-food101",
        ["mbt"] = "mbt-audioset-500k",
        ["cav-mae"] = "cav-mae-audioset-20k",
        ["av-asr"] = "auto-avsr-lrs3",
    };

    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The metric and the value per configuration (as published) of one entry.</summary>
    public static (AccuracyMetric Metric, Dictionary<string, double> Values) Load(string folder, string entry)
    {
        foreach (string file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            PublishedAccuracyDocument document = s_deserializer.Deserialize<PublishedAccuracyDocument>(File.ReadAllText(file));
            PublishedModel? model = document.Models.FirstOrDefault(m => m.Name == entry);
            if (model is null)
            {
                continue;
            }
            string source = model.Source is { } references
                ? string.Join("; ", references.Select(r => r.Ref))
                : Path.GetFileName(file);
            var metric = new AccuracyMetric($"{model.Metric} ({model.Dataset})", model.Unit, model.HigherIsBetter, model.Approximate, source);
            return (metric, model.Subsets ?? throw new ConfigException($"{file}: {entry}.subsets: missing required key"));
        }
        throw new ConfigException($"{folder}: no published accuracy entry named '{entry}'");
    }
}
