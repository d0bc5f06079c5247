using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Refuses YAML nested deeper than any config or profile needs before the parser sees it: YamlDotNet reads nested
/// collections recursively, so tens of thousands of brackets overflow the stack and kill the process. The count is
/// approximate but never low: flow brackets outside quotes and comments, plus block levels (indentation steps and
/// compact "- " entries).
/// </summary>
internal static class YamlDepth
{
    /// <summary>Mosel's own documents nest 4 levels; this leaves room for anything a person writes.</summary>
    public const int Max = 64;

    public static void Check(string yaml, string source)
    {
        var indents = new Stack<int>();
        int flow = 0;
        foreach (string line in yaml.Split('\n'))
        {
            int indent = line.Length - line.TrimStart(' ').Length;
            string rest = line[indent..];
            if (flow == 0 && rest.Length > 0 && rest[0] != '#')
            {
                while (indents.Count > 0 && indents.Peek() >= indent)
                {
                    indents.Pop();
                }
                indents.Push(indent);
            }
            int dashes = 0;
            while (rest.StartsWith("- ", StringComparison.Ordinal))
            {
                dashes++;
                rest = rest[2..].TrimStart(' ');
            }
            // A line's deepest point sits on top of the flow depth carried from the lines before it.
            int before = flow;
            flow = Math.Max(0, before + FlowChange(rest, out int deepest));
            if (indents.Count + dashes + before + deepest > Max)
            {
                throw new ConfigException($"{source}: nested more than {Max} levels deep");
            }
        }
    }

    /// <summary>The net change of flow depth along <paramref name="text"/>, and the deepest point it reaches from 0.</summary>
    private static int FlowChange(string text, out int deepest)
    {
        int depth = 0;
        deepest = 0;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#' when i == 0 || text[i - 1] is ' ' or '\t':
                    return depth;
                case '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ']' or '}':
                    depth--;
                    break;
            }
        }
        return depth;
    }
}
