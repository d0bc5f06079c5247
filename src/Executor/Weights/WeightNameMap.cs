namespace Mosel.Executor.Weights;

/// <summary>
/// How a checkpoint's tensor names become a zoo model's parameter names: prefix renames, tried in order, the first
/// matching one applied (e.g. "model.encoder." → "encoder."); a name no rule matches is kept as it is. A zoo model's
/// own names are its TorchSharp state-dict names (<c>mosel weights names --model M</c> lists them, <c>--file F</c> a checkpoint's).
/// </summary>
public sealed class WeightNameMap
{
    private readonly IReadOnlyList<(string From, string To)> _prefixes;

    public WeightNameMap(IReadOnlyList<(string From, string To)> prefixes)
    {
        foreach ((string from, _) in prefixes)
        {
            if (from.Length == 0)
            {
                throw new ArgumentException("a rename needs a non-empty prefix to replace", nameof(prefixes));
            }
        }
        _prefixes = prefixes;
    }

    public static WeightNameMap Identity { get; } = new([]);

    /// <summary>Renames written <c>FROM=TO</c> (TO may be empty: <c>model.=</c> drops the prefix), in the order given.</summary>
    /// <exception cref="FormatException">A rule without '=' or with an empty FROM; the message quotes it.</exception>
    public static WeightNameMap Parse(IEnumerable<string> rules)
    {
        var prefixes = new List<(string, string)>();
        foreach (string rule in rules)
        {
            int equals = rule.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{rule}' is not a rename: write FROM=TO, e.g. model.= to drop the prefix 'model.'");
            }
            prefixes.Add((rule[..equals], rule[(equals + 1)..]));
        }
        return new WeightNameMap(prefixes);
    }

    /// <summary>The model's name for the checkpoint's tensor <paramref name="fileName"/>.</summary>
    public string ModelName(string fileName)
    {
        foreach ((string from, string to) in _prefixes)
        {
            if (fileName.StartsWith(from, StringComparison.Ordinal))
            {
                return to + fileName[from.Length..];
            }
        }
        return fileName;
    }

    /// <summary>The rules as written, comma-separated (empty for no renames): for provenance and to tell maps apart.</summary>
    public override string ToString() => string.Join(", ", _prefixes.Select(p => $"{p.From}={p.To}"));
}
