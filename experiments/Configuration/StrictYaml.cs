using Mosel.Experiments.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// YAML with snake_case keys, read strictly: the tree is checked against the options type first
/// (<see cref="YamlShape"/>), so every error names the file, line and key in words, never a .NET type.
/// </summary>
internal static class StrictYaml
{
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <param name="overrides"><c>a.b.c=value</c> items (from --set) applied after the file is checked; each value is parsed as YAML.</param>
    /// <param name="overridesFrom">Where the overrides come from, as error lines say it: <c>with --set</c> or a sweep point.</param>
    public static T Deserialize<T>(string yaml, string source, IReadOnlyList<string>? overrides = null, string overridesFrom = "with --set")
    {
        YamlMappingNode root = Parse(yaml, source);
        YamlShape.Check(root, typeof(T), source, withLines: true);
        if (overrides is { Count: > 0 })
        {
            string where = $"{source} ({overridesFrom})";
            foreach (string item in overrides)
            {
                Apply(root, item, where);
            }
            YamlShape.Check(root, typeof(T), where, withLines: false);
        }
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        try
        {
            return s_deserializer.Deserialize<T>(writer.ToString())!;
        }
        catch (YamlException e)
        {
            // The shape check leaves only value conversions that a number's range decides (e.g. 1e400 for a whole number).
            throw new ConfigException($"{source}: a value cannot be read ({Innermost(e).Message.Split('\n')[0]})", e);
        }
    }

    public static string Serialize(object value) => s_serializer.Serialize(value);

    private static YamlMappingNode Parse(string yaml, string source)
    {
        YamlDepth.Check(yaml, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            string message = Innermost(e) is YamlException inner ? inner.Message : "malformed YAML";
            if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                message = "a key is given twice in one mapping";
            }
            throw new ConfigException($"{source}:{e.Start.Line}:{e.Start.Column}: {message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The parser fails this way on some unclosed brackets and quotes, and on duplicate keys.
            string message = e.Message.Contains("same key", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                ? "a key is given twice in one mapping"
                : "malformed YAML (an unclosed bracket or quote?)";
            throw new ConfigException($"{source}: {message}", e);
        }
        if (stream.Documents.Count == 0)
        {
            throw new ConfigException($"{source}: the document is empty");
        }
        if (stream.Documents.Count > 1)
        {
            throw new ConfigException($"{source}: expected one YAML document, found {stream.Documents.Count}");
        }
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigException($"{source}: the document must be a mapping of keys");
    }

    /// <summary>
    /// Sets <c>a.b.c=value</c> in the tree, creating mappings on the way; the value is parsed as YAML (so <c>[1, 2]</c> is a
    /// list). Under <c>sweep.grid.</c> and <c>sweep.zip.</c> the rest of the key is one swept setting's name.
    /// </summary>
    private static void Apply(YamlMappingNode root, string item, string where)
    {
        int eq = item.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ConfigException($"{where}: '{item}': expected key=value, e.g. --set workload.slack_ms=40");
        }
        string[] path = item[..eq].Trim().Split('.');
        if (path.Length > 3 && path[0] == "sweep" && path[1] is "grid" or "zip")
        {
            // A sweep's keys are dotted setting names themselves: sweep.grid.workload.slack_ms is grid key workload.slack_ms.
            path = [path[0], path[1], string.Join('.', path[2..])];
        }
        if (path.Any(p => p.Length == 0))
        {
            throw new ConfigException($"{where}: '{item}': the key has an empty part");
        }
        YamlNode value = ParseValue(item[(eq + 1)..], item, where);
        YamlMappingNode node = root;
        for (int i = 0; i < path.Length - 1; i++)
        {
            var key = new YamlScalarNode(path[i]);
            if (!node.Children.TryGetValue(key, out YamlNode? child))
            {
                child = new YamlMappingNode();
                node.Children[key] = child;
            }
            node = child as YamlMappingNode
                ?? throw new ConfigException($"{where}: '{item}': '{string.Join('.', path[..(i + 1)])}' is not a mapping");
        }
        node.Children[new YamlScalarNode(path[^1])] = value;
    }

    private static YamlNode ParseValue(string text, string item, string where)
    {
        YamlDepth.Check(text, $"{where}: '{(item.Length > 60 ? item[..60] + "…" : item)}'");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader($"v: {text}"));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            throw new ConfigException($"{where}: '{item}': the value is not valid YAML", e);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode { Children.Count: 1 } mapping)
        {
            throw new ConfigException($"{where}: '{item}': the value is not valid YAML");
        }
        return mapping.Children[new YamlScalarNode("v")];
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
