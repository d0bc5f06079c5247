using Mosel.Executor.Weights;

namespace Mosel.Executor.Models;

/// <summary>The zoo: models by name.</summary>
public static class ModelZoo
{
    private static readonly Lock s_seedGate = new();

    public static IReadOnlyList<string> Names { get; } = ["tvlt", "vilt", "mbt", "cav-mae", "av-asr", AvDigitsModel.ZooName];

    /// <summary>A model with seeded random weights (the same seed gives the same weights).</summary>
    public static ZooModel Create(string name, ZooScale scale, int seed = 1)
    {
        // Initialisation draws from libtorch's global generator: seed and build under one lock so that
        // models built on other threads cannot interleave their draws.
        lock (s_seedGate)
        {
            TorchSharp.torch.manual_seed(seed);
            return Build(name, scale);
        }
    }

    /// <summary>
    /// A model with weights loaded from a file: a <c>.safetensors</c> checkpoint (tensor names mapped by
    /// <paramref name="names"/>, default as they are), or otherwise a TorchSharp weights file saved from the same model and scale.
    /// </summary>
    public static ZooModel Load(string name, ZooScale scale, string weightsPath, WeightNameMap? names = null)
    {
        if (!File.Exists(weightsPath))
        {
            throw new ArgumentException($"{weightsPath}: weights file not found");
        }
        ZooModel model = Build(name, scale);
        try
        {
            if (IsSafetensors(weightsPath))
            {
                SafetensorsWeights.Load(model, weightsPath, names ?? WeightNameMap.Identity);
            }
            else
            {
                model.load(weightsPath, strict: true);
            }
        }
        catch (SafetensorsException e)
        {
            model.Dispose();
            throw new ArgumentException($"{e.Message} (loading {name}, {scale.Name} scale)", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            model.Dispose();
            throw new ArgumentException($"{weightsPath}: weights do not match {name} ({scale.Name} scale): {e.Message.Split('\n')[0]}", e);
        }
        return model;
    }

    public static bool IsSafetensors(string path) => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    private static ZooModel Build(string name, ZooScale scale) => name switch
    {
        "tvlt" => new TvltModel(scale),
        "vilt" => new ViltModel(scale),
        "mbt" => new MbtModel(scale),
        "cav-mae" => new CavMaeModel(scale),
        "av-asr" => new AvAsrModel(scale),
        AvDigitsModel.ZooName => new AvDigitsModel(scale),
        _ => throw new ArgumentException($"model '{name}' is not in the zoo (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
