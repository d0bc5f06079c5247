using TorchSharp;
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
            var byModelName = new Dictionary<string, (string FileName, Tensor Tensor)>(StringComparer.Ordinal);
            foreach ((string fileName, Tensor tensor) in file)
            {
                string modelName = names.ModelName(fileName);
                if (byModelName.TryGetValue(modelName, out var other))
                {
                    throw new SafetensorsException($"{path}: tensors '{other.FileName}' and '{fileName}' both map to the model's '{modelName}'");
                }
                byModelName[modelName] = (fileName, tensor);
            }
            var state = module.state_dict();
            foreach ((string modelName, Tensor target) in state)
            {
                if (!byModelName.TryGetValue(modelName, out var source))
                {
                    throw new SafetensorsException($"{path}: no tensor for the model's '{modelName}' ({Shape(target)})");
                }
                if (!source.Tensor.shape.SequenceEqual(target.shape))
                {
                    throw new SafetensorsException($"{path}: tensor '{source.FileName}' has shape {Shape(source.Tensor)}, the model's '{modelName}' needs {Shape(target)}");
                }
            }
            foreach ((string modelName, (string fileName, _)) in byModelName)
            {
                if (!state.ContainsKey(modelName))
                {
                    throw new SafetensorsException($"{path}: tensor '{fileName}' has no place in the model (as '{modelName}')");
                }
            }
            using var grad = no_grad();
            foreach ((string modelName, Tensor target) in state)
            {
                target.copy_(byModelName[modelName].Tensor.to(target.dtype, target.device));
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

    /// <summary>Writes the module's state dict, named as the model names it.</summary>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafetensorsFile.Write(path, module.state_dict().Select(kv => (kv.Key, kv.Value)).ToList(), metadata);

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
