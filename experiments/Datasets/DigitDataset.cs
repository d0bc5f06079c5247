using System.Text.Json.Nodes;
using Mosel.Executor.Weights;
using Mosel.Experiments.Configuration;
using static TorchSharp.torch;

namespace Mosel.Experiments.Datasets;

/// <summary>Reads a folder written by <c>mosel dataset build</c>; anything else is one line naming the folder or file.</summary>
public static class DigitDataset
{
    /// <summary>Checks that <paramref name="folder"/> is a digits dataset; returns its full path.</summary>
    public static string Check(string folder)
    {
        string full = Path.GetFullPath(folder);
        string manifest = Path.Combine(full, DigitDatasetFiles.Manifest);
        if (!File.Exists(manifest))
        {
            throw new ConfigException($"{full}: not a Mosel digits dataset (no {DigitDatasetFiles.Manifest}); build one with `mosel dataset build --out {folder}`");
        }
        string? kind;
        try
        {
            kind = JsonNode.Parse(File.ReadAllText(manifest))?["kind"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            kind = null;
        }
        if (kind != DigitDatasetFiles.Kind)
        {
            throw new ConfigException($"{manifest}: kind: must be '{DigitDatasetFiles.Kind}' (a file written by mosel dataset build)");
        }
        return full;
    }

    public static DigitSplit Load(string folder, string split)
    {
        string path = Path.Combine(Check(folder), DigitDatasetFiles.SplitFile(split));
        Dictionary<string, Tensor> tensors;
        try
        {
            tensors = SafetensorsFile.Read(path, out _);
        }
        catch (SafetensorsException e)
        {
            throw new ConfigException(e.Message, e);
        }
        try
        {
            Tensor label = Take(tensors, path, "label", ScalarType.Int64, 1);
            long n = label.shape[0];
            Tensor audio = Take(tensors, path, "audio", ScalarType.Float32, 3, n).unsqueeze(1);
            Tensor video = Take(tensors, path, "video", ScalarType.Byte, 3, n).to(ScalarType.Float32).div_(255).unsqueeze(1);
            Tensor id = Take(tensors, path, "id", ScalarType.Int64, 1, n);
            if (label.numel() > 0 && (label.min().item<long>() < 0 || label.max().item<long>() >= DigitDatasetBuilder.Words.Count))
            {
                throw new ConfigException($"{path}: label: values must be digits 0-9");
            }
            return new DigitSplit(split, audio, video, label, id);
        }
        finally
        {
            foreach (Tensor t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    private static Tensor Take(Dictionary<string, Tensor> tensors, string path, string name, ScalarType type, int dimensions, long? rows = null)
    {
        if (!tensors.TryGetValue(name, out Tensor? tensor))
        {
            throw new ConfigException($"{path}: no tensor '{name}'");
        }
        if (tensor.dtype != type || tensor.dim() != dimensions || (rows is long n && tensor.shape[0] != n))
        {
            throw new ConfigException($"{path}: tensor '{name}' is {tensor.dtype} [{string.Join(", ", tensor.shape)}]; expected {type} with {dimensions} dimensions{(rows is long r ? $" and {r} rows" : "")}");
        }
        return tensor.clone();
    }
}
