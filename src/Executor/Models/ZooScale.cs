namespace Mosel.Executor.Models;

/// <summary>
/// Size of a zoo model: <see cref="Full"/> follows the published architecture (ViT-B: 12 layers, width
/// 768, 12 heads, MLP 3072, the papers' input sizes); <see cref="Tiny"/> keeps every structural feature
/// (same modalities, fusion, token flow) at a size a 2-core CPU runs in milliseconds, for tests and CI.
/// </summary>
public sealed record ZooScale(string Name, int Layers, int Width, int Heads, int Mlp)
{
    public static ZooScale Full { get; } = new("full", 12, 768, 12, 3072);

    public static ZooScale Tiny { get; } = new("tiny", 2, 64, 4, 128);

    public bool IsFull => Name == "full";

    public static ZooScale Parse(string name) => name switch
    {
        "full" => Full,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"unknown model scale '{name}' (use full or tiny)", nameof(name)),
    };
}
