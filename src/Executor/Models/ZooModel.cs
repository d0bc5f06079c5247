using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>One input of a zoo model: its per-sample shape and element type (float inputs follow the model's precision).</summary>
public sealed record ModalityInput(string Modality, long[] Shape, bool IsTokenIds = false, long Vocabulary = 0);

/// <summary>One run of encoder layers over some number of tokens, for the FLOP estimate.</summary>
public readonly record struct EncoderSegment(long Tokens, int Layers);

/// <summary>
/// A multi-modal model that accepts any non-empty subset of its modalities and computes only the
/// encoders and tokens of the modalities present. Inputs are a dictionary from modality name to a
/// batch-first tensor; the output is (batch, outputs).
/// </summary>
public abstract class ZooModel : nn.Module<IReadOnlyDictionary<string, Tensor>, Tensor>
{
    protected ZooModel(string name, ZooScale scale)
        : base(name)
    {
        Scale = scale;
    }

    public ZooScale Scale { get; }

    /// <summary>Modality names, alphabetically (the profile's convention).</summary>
    public abstract IReadOnlyList<string> Modalities { get; }

    public abstract IReadOnlyList<ModalityInput> Inputs { get; }

    public abstract long Outputs { get; }

    /// <summary>Encoder work for a subset of modalities: tokens per encoder pass and how many layers see them.</summary>
    public abstract IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities);

    /// <summary>Tokens the encoders process for this subset (the sum over segments, each counted once).</summary>
    public long Tokens(IReadOnlyCollection<string> modalities) => Segments(modalities).Sum(s => s.Tokens);

    /// <summary>
    /// Multiply-add FLOPs (x2) of the transformer layers per sample: per layer 2 x (4 N d^2 + 2 N^2 d + 2 N d m)
    /// for N tokens, width d and MLP width m. Patch embeddings and heads are left out (a few percent).
    /// </summary>
    public double EstimateFlops(IReadOnlyCollection<string> modalities)
    {
        double d = Scale.Width;
        double m = Scale.Mlp;
        return Segments(modalities).Sum(s => s.Layers * 2 * ((4 * s.Tokens * d * d) + (2.0 * s.Tokens * s.Tokens * d) + (2 * s.Tokens * d * m)));
    }

    /// <summary>Seeded random inputs for a batch of the given modalities.</summary>
    public Dictionary<string, Tensor> RandomInputs(int batch, IReadOnlyCollection<string> modalities, Device device, ScalarType floatType, Generator generator)
    {
        var inputs = new Dictionary<string, Tensor>();
        foreach (ModalityInput input in Inputs.Where(i => modalities.Contains(i.Modality)))
        {
            long[] shape = [batch, .. input.Shape];
            inputs[input.Modality] = input.IsTokenIds
                ? randint(0, input.Vocabulary, shape, ScalarType.Int64, device, generator: generator)
                : randn(shape, floatType, device, generator: generator);
        }
        return inputs;
    }

    /// <summary>
    /// The start of a joint encoder's token list: the class token, one per sample of the batch (the inputs are checked
    /// first). Call inside the forward pass's dispose scope.
    /// </summary>
    protected List<Tensor> ClassTokens(IReadOnlyDictionary<string, Tensor> inputs, Tensor cls)
    {
        CheckModalities(inputs);
        long batch = inputs.Values.First().shape[0];
        return [cls.expand(batch, -1, -1)];
    }

    protected void CheckModalities(IReadOnlyDictionary<string, Tensor> inputs)
    {
        if (inputs.Count == 0)
        {
            throw new ArgumentException($"{GetName()}: at least one modality is needed", nameof(inputs));
        }
        foreach (string key in inputs.Keys)
        {
            if (!Modalities.Contains(key))
            {
                throw new ArgumentException($"{GetName()}: unknown modality '{key}' (has {string.Join(", ", Modalities)})", nameof(inputs));
            }
        }
    }
}
