using Mosel.Executor.Weights;
using static TorchSharp.torch;

namespace Mosel.Executor.Datasets;

/// <summary>
/// Reads one split of a digits dataset (a safetensors file with audio F32 [N, 32, 32], video U8 [N, 28, 28], label I64 [N]
/// and id I64 [N]) into model inputs; a missing or misshapen tensor or a label outside the classes is one line naming the file.
/// </summary>
public static class DigitSplitFile
{
    public const int Classes = 10;

    public static DigitSplit Read(string path, string split)
    {
        Dictionary<string, Tensor> tensors;
        try
        {
            tensors = SafetensorsFile.Read(path, out _);
        }
        catch (SafetensorsException e)
        {
            throw new DatasetException(e.Message, e);
        }
        try
        {
            Tensor label = Take(tensors, path, "label", ScalarType.Int64, 1);
            long n = label.shape[0];
            Tensor audio = Take(tensors, path, "audio", ScalarType.Float32, 3, n).unsqueeze(1);
            Tensor video = Take(tensors, path, "video", ScalarType.Byte, 3, n).to(ScalarType.Float32).div_(255).unsqueeze(1);
            Tensor id = Take(tensors, path, "id", ScalarType.Int64, 1, n);
            if (label.numel() > 0 && (label.min().item<long>() < 0 || label.max().item<long>() >= Classes))
            {
                throw new DatasetException($"{path}: label: values must be digits 0-9");
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
            throw new DatasetException($"{path}: no tensor '{name}'");
        }
        if (tensor.dtype != type || tensor.dim() != dimensions || (rows is long n && tensor.shape[0] != n))
        {
            throw new DatasetException($"{path}: tensor '{name}' is {tensor.dtype} [{string.Join(", ", tensor.shape)}]; expected {type} with {dimensions} dimensions{(rows is long r ? $" and {r} rows" : "")}");
        }
        return tensor.clone();
    }
}
