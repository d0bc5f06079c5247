using static TorchSharp.torch;

namespace Mosel.Executor.Execution;

/// <summary>
/// A labelled test set as model inputs: each modality's tensor (first dimension: the sample) and each sample's class.
/// The owner keeps the tensors; an executor copies what it needs to its device.
/// </summary>
public sealed record LabelledSamples(IReadOnlyDictionary<string, Tensor> Inputs, Tensor Labels)
{
    public int Count => (int)Labels.shape[0];
}
