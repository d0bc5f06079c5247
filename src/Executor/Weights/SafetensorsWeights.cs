using static TorchSharp.torch;

namespace Mosel.Executor.Weights;

/// <summary>
/// Loads a model's parameters and buffers from a safetensors checkpoint: every tensor of the model must come from the
/// file (after renaming) with the same shape, and every tensor of the file must be used; values are converted to the
/// model's dtype. Anything else is one line naming the file and the tensor.
/// </summary>
public static class SafetensorsWeights
{
    public static void Load(nn.Module module, string path, WeightNameMap names)
    {
        Dictionary<string, Tensor> file = SafetensorsFile.Read(path, out _);
        try
        {
            var state = module.state_dict();
            WeightsMatch match = WeightsMatch.Of(path, Names(module),
                file.Select(kv => new SafetensorsEntry(kv.Key, "", kv.Value.shape)).ToArray(), names);
            if (match.Problems.Count > 0)
            {
                throw new SafetensorsException(match.Problems[0]);
            }
            using var grad = no_grad();
            foreach (WeightsMatchRow row in match.Rows)
            {
                Tensor target = state[row.ModelName!];
                target.copy_(file[row.FileName!].to(target.dtype, target.device));
            }
        }
        finally
        {
            foreach (Tensor tensor in file.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>The module's state-dict names and shapes, in its order: what a checkpoint must fill.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<long> Shape)> Names(nn.Module module) =>
        module.state_dict().Select(kv => (kv.Key, (IReadOnlyList<long>)kv.Value.shape)).ToArray();

    /// <summary>Writes the module's state dict, named as the model names it.</summary>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafetensorsFile.Write(path, module.state_dict().Select(kv => (kv.Key, kv.Value)).ToList(), metadata);
}
