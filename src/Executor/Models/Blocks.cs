using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>Image patches: (B, C, H, W) -> (B, H/p x W/p, width).</summary>
internal sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _projection;

    public PatchEmbedding(string name, int channels, int patch, int width)
        : base(name)
    {
        _projection = nn.Conv2d(channels, width, patch, stride: patch);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using Tensor projected = _projection.call(input);
        using Tensor flat = projected.flatten(2);
        return flat.transpose(1, 2);
    }
}

/// <summary>Video as frames: (B, T, C, H, W) -> (B, T x patches per frame, width), one shared patch projection.</summary>
internal sealed class FramePatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly PatchEmbedding _patches;

    public FramePatchEmbedding(string name, int channels, int patch, int width)
        : base(name)
    {
        _patches = new PatchEmbedding(name + ".frames", channels, patch, width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        long batch = input.shape[0];
        using Tensor frames = input.flatten(0, 1);
        using Tensor tokens = _patches.call(frames);
        return tokens.reshape(batch, -1, tokens.shape[^1]);
    }
}

/// <summary>Video as tubelets: (B, C, T, H, W) -> (B, T/t x H/p x W/p, width).</summary>
internal sealed class TubeletEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d _projection;

    public TubeletEmbedding(string name, int channels, int time, int patch, int width)
        : base(name)
    {
        _projection = nn.Conv3d(channels, width, (time, patch, patch), stride: (time, patch, patch));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using Tensor projected = _projection.call(input);
        using Tensor flat = projected.flatten(2);
        return flat.transpose(1, 2);
    }
}

/// <summary>A stack of transformer encoder layers on batch-first tokens (B, N, width), with a final LayerNorm.</summary>
internal sealed class TokenEncoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<TransformerEncoderLayer> _layers;
    private readonly LayerNorm? _norm;

    public TokenEncoder(string name, ZooScale scale, int layers, bool finalNorm = true)
        : base(name)
    {
        _layers = nn.ModuleList(Enumerable.Range(0, layers)
            .Select(_ => nn.TransformerEncoderLayer(scale.Width, scale.Heads, scale.Mlp, 0.0, nn.Activations.GELU)).ToArray());
        _norm = finalNorm ? nn.LayerNorm(scale.Width) : null;
        RegisterComponents();
    }

    public int Layers => _layers.Count;

    public override Tensor forward(Tensor input) => Run(input, 0, _layers.Count);

    /// <summary>Runs layers [from, to) only (for models that fuse between layers).</summary>
    public Tensor Run(Tensor input, int from, int to)
    {
        using var scope = NewDisposeScope();
        // libtorch's encoder layer is sequence-first.
        Tensor x = input.transpose(0, 1);
        for (int i = from; i < to; i++)
        {
            x = _layers[i].call(x);
        }
        if (_norm is not null && to == _layers.Count)
        {
            x = _norm.call(x);
        }
        return x.transpose(0, 1).MoveToOuterDisposeScope();
    }

    public Tensor Layer(int index, Tensor input)
    {
        using var scope = NewDisposeScope();
        return _layers[index].call(input.transpose(0, 1)).transpose(0, 1).MoveToOuterDisposeScope();
    }
}
