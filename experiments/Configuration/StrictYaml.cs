using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// YAML with snake_case keys where an unknown key is an error that names the file, line, the key and
/// the keys that would have been valid there.
/// </summary>
internal static partial class StrictYaml
{
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static T Deserialize<T>(string yaml, string source)
    {
        try
        {
            return s_deserializer.Deserialize<T>(yaml) ?? throw new ConfigException($"{source}: the document is empty");
        }
        catch (YamlException e)
        {
            throw new ConfigException(Describe(e, source), e);
        }
    }

    public static string Serialize(object value) => s_serializer.Serialize(value);

    /// <summary>Applies <c>a.b.c=value</c> overrides to a YAML document; the value is parsed as YAML (so <c>[1, 2]</c> is a list).</summary>
    public static string ApplyOverrides(string yaml, IReadOnlyList<string> overrides, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException(Describe(e, source), e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{source}: the document must be a mapping of keys");
        }
        foreach (string item in overrides)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigException($"--set '{item}': expected key=value, e.g. --set workload.slack_ms=40");
            }
            string[] path = item[..eq].Trim().Split('.');
            YamlNode value = ParseValue(item[(eq + 1)..], item);
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
                    ?? throw new ConfigException($"--set '{item}': '{string.Join('.', path[..(i + 1)])}' is not a mapping");
            }
            node.Children[new YamlScalarNode(path[^1])] = value;
        }
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode ParseValue(string text, string item)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader($"v: {text}"));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"--set '{item}': the value is not valid YAML ({e.Message})", e);
        }
        return ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")];
    }

    private static string Describe(YamlException e, string source)
    {
        string where = $"{source}:{e.Start.Line}:{e.Start.Column}";
        Exception innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }
        Match unknown = UnknownProperty().Match(e.Message);
        if (unknown.Success)
        {
            string key = UnderscoredNamingConvention.Instance.Apply(unknown.Groups["key"].Value);
            string valid = ValidKeys(unknown.Groups["type"].Value);
            return $"{where}: unknown key '{key}'{(valid.Length > 0 ? $" (valid keys here: {valid})" : "")}";
        }
        // YamlDotNet wraps a conversion failure in "Exception during deserialization": the inner message is the news.
        string message = innermost is YamlException ? innermost.Message : $"invalid value: {innermost.Message}";
        return $"{where}: {message}";
    }

    private static string ValidKeys(string typeName)
    {
        Type? type = typeof(StrictYaml).Assembly.GetTypes().FirstOrDefault(t => t.FullName == typeName || t.Name == typeName);
        if (type is null)
        {
            return "";
        }
        return string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)));
    }

    [GeneratedRegex("Property '(?<key>[^']+)' not found on type '(?<type>[^']+)'")]
    private static partial Regex UnknownProperty();
}
