namespace Mosel.Executor.Weights;

/// <summary>
/// How a checkpoint's tensor names become a zoo model's parameter names: prefix renames, tried in order, the first
/// matching one applied (e.g. "model.encoder." → "encoder."); a name no rule matches is kept as it is. A zoo model's
/// own names are its TorchSharp state-dict names (<c>mosel weights names --model M</c> lists them).
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
}
