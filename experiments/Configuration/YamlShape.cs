using System.Globalization;
using System.Reflection;
using Mosel.Experiments.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Checks a parsed YAML tree against the options type it will become, before deserialising it, so that
/// every mistake is one line that names the file, line and key: unknown and duplicate keys, empty values
/// (never a silent 0 or null), and values of the wrong kind. A single value where a list is expected
/// becomes a one-element list (<c>seeds: 3</c> means <c>seeds: [3]</c>).
/// </summary>
internal static class YamlShape
{
    /// <param name="withLines">False for a tree that holds --set values, whose positions are not in the file.</param>
    public static void Check(YamlMappingNode root, Type type, string source, bool withLines)
    {
        new Walker(source, withLines).Mapping(root, type, "");
    }

    private sealed class Walker(string source, bool withLines)
    {
        public YamlNode Node(YamlNode node, Type type, string key)
        {
            Type target = Nullable.GetUnderlyingType(type) ?? type;
            if (target.IsArray)
            {
                return Sequence(node, target.GetElementType()!, key);
            }
            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                Dictionary(Expect<YamlMappingNode>(node, key, "a mapping of names to values"), target.GetGenericArguments()[1], key);
                return node;
            }
            if (target == typeof(string) || target.IsPrimitive)
            {
                Scalar(node, target, key);
                return node;
            }
            Mapping(Expect<YamlMappingNode>(node, key, "a mapping of keys"), target, key);
            return node;
        }

        public void Mapping(YamlMappingNode mapping, Type type, string prefix)
        {
            Dictionary<string, PropertyInfo> properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
            foreach ((string name, YamlNode keyNode, YamlNode value) in Entries(mapping, prefix))
            {
                string key = Join(prefix, name);
                if (!properties.TryGetValue(name, out PropertyInfo? property))
                {
                    throw Error(keyNode, key, $"unknown key '{name}' (valid keys here: {string.Join(", ", properties.Keys)})");
                }
                YamlNode replaced = Node(value, property.PropertyType, key);
                if (!ReferenceEquals(replaced, value))
                {
                    mapping.Children[keyNode] = replaced;
                }
            }
        }

        private void Dictionary(YamlMappingNode mapping, Type valueType, string prefix)
        {
            foreach ((string name, YamlNode keyNode, YamlNode value) in Entries(mapping, prefix))
            {
                YamlNode replaced = Node(value, valueType, Join(prefix, name));
                if (!ReferenceEquals(replaced, value))
                {
                    mapping.Children[keyNode] = replaced;
                }
            }
        }

        private YamlSequenceNode Sequence(YamlNode node, Type elementType, string key)
        {
            if (node is YamlScalarNode scalar)
            {
                Scalar(scalar, elementType, key, $"{Describe(elementType)} or a list of them");
                return new YamlSequenceNode(scalar);
            }
            YamlSequenceNode sequence = Expect<YamlSequenceNode>(node, key, "a list");
            for (int i = 0; i < sequence.Children.Count; i++)
            {
                sequence.Children[i] = Node(sequence.Children[i], elementType, $"{key}[{i}]");
            }
            return sequence;
        }

        private void Scalar(YamlNode node, Type type, string key, string? expected = null)
        {
            string what = expected ?? Describe(type);
            YamlScalarNode scalar = Expect<YamlScalarNode>(node, key, what);
            string text = scalar.Value ?? "";
            if (text.Length == 0 || (scalar.Style == ScalarStyle.Plain && text is "~" or "null" or "Null" or "NULL"))
            {
                throw Error(node, key, $"empty value (expected {what}; leave the key out to use its default)");
            }
            bool ok = type == typeof(string)
                || (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                || (type == typeof(double) && (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || IsYamlSpecialFloat(text)))
                || (type == typeof(bool) && text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE");
            if (!ok)
            {
                string found = text.Length > 40 ? text[..40] + "…" : text;
                throw Error(node, key, $"expected {what}, found '{found}'");
            }
        }

        private IEnumerable<(string Name, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string prefix)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach ((YamlNode keyNode, YamlNode value) in mapping.Children.ToArray())
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    throw Error(keyNode, prefix.Length > 0 ? prefix : "(top level)", "a key must be a plain name");
                }
                if (!seen.Add(name))
                {
                    throw Error(keyNode, Join(prefix, name), "key given twice");
                }
                yield return (name, keyNode, value);
            }
        }

        private T Expect<T>(YamlNode node, string key, string what)
            where T : YamlNode =>
            node as T ?? throw Error(node, key, $"expected {what}, found {Kind(node)}");

        private ConfigException Error(YamlNode node, string key, string message)
        {
            string where = withLines && node.Start.Line > 0 ? $"{source}:{node.Start.Line}" : source;
            return new ConfigException($"{where}: {(key.Length > 0 ? key + ": " : "")}{message}");
        }

        private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

        private static bool IsYamlSpecialFloat(string text) =>
            text.TrimStart('+', '-').ToLowerInvariant() is ".inf" or ".nan";

        private static string Kind(YamlNode node) => node switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a mapping",
            YamlScalarNode { Value: null or "" or "~" or "null" } => "an empty value",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "something else",
        };

        private static string Describe(Type type) =>
            type == typeof(int) ? "a whole number"
            : type == typeof(double) ? "a number"
            : type == typeof(bool) ? "true or false"
            : "a single value";
    }
}
