using Mosel.Sim.Profiles;
using YamlDotNet.RepresentationModel;

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

    /// <summary>The metric and the value per configuration (as published) of one entry.</summary>
    public static (AccuracyMetric Metric, Dictionary<string, double> Values) Load(string folder, string entry)
    {
        foreach (string file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var models = (YamlSequenceNode)root.Children[new YamlScalarNode("models")];
            foreach (YamlMappingNode model in models.Children.Cast<YamlMappingNode>())
            {
                if (Scalar(model, "name") != entry)
                {
                    continue;
                }
                var subsets = (YamlMappingNode)model.Children[new YamlScalarNode("subsets")];
                var values = subsets.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!,
                    kv => double.Parse(((YamlScalarNode)kv.Value).Value!, System.Globalization.CultureInfo.InvariantCulture));
                string source = model.Children.TryGetValue(new YamlScalarNode("source"), out YamlNode? node) && node is YamlSequenceNode list
                    ? string.Join("; ", list.Children.OfType<YamlMappingNode>().Select(s => Scalar(s, "ref")))
                    : Path.GetFileName(file);
                var metric = new AccuracyMetric(
                    $"{Scalar(model, "metric")} ({Scalar(model, "dataset")})",
                    Scalar(model, "unit") ?? "fraction",
                    Scalar(model, "higher_is_better") != "false",
                    Scalar(model, "approximate") == "true",
                    source);
                return (metric, values);
            }
        }
        throw new ConfigException($"{folder}: no published accuracy entry named '{entry}'");
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? (value as YamlScalarNode)?.Value : null;
}
