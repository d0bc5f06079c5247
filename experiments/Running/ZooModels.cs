using Mosel.Executor.Models;
using Mosel.Executor.Weights;

namespace Mosel.Experiments.Running;

/// <summary>One instance per (model, scale, weights, renames) per process: building a full-size model costs seconds and gigabytes.</summary>
public static class ZooModels
{
    private static readonly Dictionary<(string, string, string?, string), ZooModel> s_models = new();
    private static readonly Lock s_gate = new();

    /// <param name="weights">A weights file, or null for seeded random weights.</param>
    /// <param name="names">How a .safetensors file's tensor names become the model's.</param>
    public static ZooModel Get(string name, ZooScale scale, string? weights, WeightNameMap names)
    {
        lock (s_gate)
        {
            var key = (name, scale.Name, weights, names.ToString());
            if (!s_models.TryGetValue(key, out ZooModel? model))
            {
                model = weights is null ? ModelZoo.Create(name, scale) : ModelZoo.Load(name, scale, weights, names);
                s_models[key] = model;
            }
            return model;
        }
    }
}
