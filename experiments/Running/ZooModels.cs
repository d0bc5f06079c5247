using Mosel.Executor.Models;

namespace Mosel.Experiments.Running;

/// <summary>One instance per (model, scale, weights) per process: building a full-size model costs seconds and gigabytes.</summary>
public static class ZooModels
{
    private static readonly Dictionary<(string, string, string?), ZooModel> s_models = new();
    private static readonly Lock s_gate = new();

    /// <param name="weights">A weights file, or null for seeded random weights.</param>
    public static ZooModel Get(string name, ZooScale scale, string? weights)
    {
        lock (s_gate)
        {
            if (!s_models.TryGetValue((name, scale.Name, weights), out ZooModel? model))
            {
                model = weights is null ? ModelZoo.Create(name, scale) : ModelZoo.Load(name, scale, weights);
                s_models[(name, scale.Name, weights)] = model;
            }
            return model;
        }
    }
}
