namespace Mosel.Executor.Models;

/// <summary>The zoo: models by name.</summary>
public static class ModelZoo
{
    public static IReadOnlyList<string> Names { get; } = ["tvlt", "vilt", "mbt", "cav-mae", "av-asr"];

    public static ZooModel Create(string name, ZooScale scale) => name switch
    {
        "tvlt" => new TvltModel(scale),
        "vilt" => new ViltModel(scale),
        "mbt" => new MbtModel(scale),
        "cav-mae" => new CavMaeModel(scale),
        "av-asr" => new AvAsrModel(scale),
        _ => throw new ArgumentException($"model '{name}' is not in the zoo (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
