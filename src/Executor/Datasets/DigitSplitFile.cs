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

    // One sample's audio (log mel frames x bands) and image (side x side), as mosel dataset build writes them.
    private static readonly long[] s_audio = [32, 32];
    private static readonly long[] s_video = [28, 28];

    public static DigitSplit Read(string path)
    {
        // Everything made here, the file's tensors included, is freed with the scope (on an error too) except the split's
        // three input tensors, moved out on success. The sample ids key samples.csv, which says how each was made (its utterance, voice, font).
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> tensors;
        try
        {
            tensors = SafetensorsFile.Read(path, out _);
        }
        catch (SafetensorsException e)
        {
            throw new DatasetException(e.Message, e);
        }
        Tensor label = Take(tensors, path, "label", ScalarType.Int64, []);
        long n = label.shape[0];
        Tensor audio = Take(tensors, path, "audio", ScalarType.Float32, s_audio, n).unsqueeze(1);
        Tensor video = Take(tensors, path, "video", ScalarType.Byte, s_video, n).to(ScalarType.Float32).div_(255).unsqueeze(1);
        long[] ids = Take(tensors, path, "id", ScalarType.Int64, [], n).data<long>().ToArray();
        if (label.numel() > 0 && (label.min().item<long>() < 0 || label.max().item<long>() >= Classes))
        {
            throw new DatasetException($"{path}: label: values must be digits 0-9");
        }
        return new DigitSplit(audio.MoveToOuterDisposeScope(), video.MoveToOuterDisposeScope(), label.MoveToOuterDisposeScope(), ids);
    }

    /// <param name="sample">The shape of one sample (empty for one value a sample).</param>
    /// <param name="rows">The number of samples, or null to take this tensor's.</param>
    private static Tensor Take(Dictionary<string, Tensor> tensors, string path, string name, ScalarType type, long[] sample, long? rows = null)
    {
        if (!tensors.TryGetValue(name, out Tensor? tensor))
        {
            throw new DatasetException($"{path}: no tensor '{name}'");
        }
        long n = rows ?? (tensor.dim() > 0 ? tensor.shape[0] : -1);
        if (tensor.dtype != type || !tensor.shape.SequenceEqual([n, .. sample]))
        {
            throw new DatasetException($"{path}: tensor '{name}' is {tensor.dtype} [{string.Join(", ", tensor.shape)}]; expected {type} [{string.Join(", ", [rows?.ToString() ?? "N", .. sample.Select(s => s.ToString())])}]");
        }
        return tensor;
    }
}
