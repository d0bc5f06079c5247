using Mosel.Executor.Execution;
using static TorchSharp.torch;

namespace Mosel.Executor.Datasets;

/// <summary>
/// One split of a digits dataset as model inputs: audio (N, 1, 32, 32), video (N, 1, 28, 28) scaled to [0, 1], labels, and
/// each sample's id in the dataset's samples.csv (empty for a split made in memory).
/// </summary>
public sealed class DigitSplit(Tensor audio, Tensor video, Tensor label, IReadOnlyList<long>? ids = null) : IDisposable
{
    public IReadOnlyList<long> Ids { get; } = ids ?? [];

    public Tensor Audio { get; } = audio;

    public Tensor Video { get; } = video;

    public Tensor Label { get; } = label;

    public int Count => (int)Label.shape[0];

    /// <summary>The inputs of the given modalities for the samples at <paramref name="index"/>.</summary>
    public Dictionary<string, Tensor> Inputs(IReadOnlyCollection<string> modalities, Tensor index)
    {
        var inputs = new Dictionary<string, Tensor>();
        if (modalities.Contains("audio"))
        {
            inputs["audio"] = Audio.index_select(0, index);
        }
        if (modalities.Contains("video"))
        {
            inputs["video"] = Video.index_select(0, index);
        }
        return inputs;
    }

    /// <summary>The split as the torch executor's labelled samples (the same tensors: this split keeps owning them).</summary>
    public LabelledSamples AsLabelledSamples() => new(new Dictionary<string, Tensor> { ["audio"] = Audio, ["video"] = Video }, Label);

    public void Dispose()
    {
        Audio.Dispose();
        Video.Dispose();
        Label.Dispose();
    }
}
