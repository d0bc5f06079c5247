using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// One Conformer block on batch-first tokens: half feed-forward, self-attention, convolution module
/// (pointwise, GLU, depthwise of width k, batch norm, SiLU, pointwise), half feed-forward, LayerNorm.
/// </summary>
internal sealed class ConformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _feedForward1;
    private readonly Sequential _feedForward2;
    private readonly LayerNorm _attentionNorm;
    private readonly MultiheadAttention _attention;
    private readonly LayerNorm _convolutionNorm;
    private readonly Conv1d _pointwiseIn;
    private readonly Conv1d _depthwise;
    private readonly BatchNorm1d _batchNorm;
    private readonly Conv1d _pointwiseOut;
    private readonly LayerNorm _finalNorm;

    public ConformerBlock(string name, ZooScale scale, int kernel)
        : base(name)
    {
        int d = scale.Width;
        _feedForward1 = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, scale.Mlp), nn.SiLU(), nn.Linear(scale.Mlp, d));
        _feedForward2 = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, scale.Mlp), nn.SiLU(), nn.Linear(scale.Mlp, d));
        _attentionNorm = nn.LayerNorm(d);
        _attention = nn.MultiheadAttention(d, scale.Heads);
        _convolutionNorm = nn.LayerNorm(d);
        _pointwiseIn = nn.Conv1d(d, 2 * d, 1);
        _depthwise = nn.Conv1d(d, d, kernel, padding: kernel / 2, groups: d);
        _batchNorm = nn.BatchNorm1d(d);
        _pointwiseOut = nn.Conv1d(d, d, 1);
        _finalNorm = nn.LayerNorm(d);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor x = TensorOps.Add(input, 0.5 * _feedForward1.call(input));
        Tensor normed = _attentionNorm.call(x).transpose(0, 1);
        Tensor attended = _attention.call(normed, normed, normed, null, false, null).Item1;
        x = TensorOps.Add(x, attended.transpose(0, 1));
        Tensor channels = _convolutionNorm.call(x).transpose(1, 2);
        Tensor convolved = nn.functional.glu(_pointwiseIn.call(channels), 1);
        convolved = _pointwiseOut.call(nn.functional.silu(_batchNorm.call(_depthwise.call(convolved))));
        x = TensorOps.Add(x, convolved.transpose(1, 2));
        x = TensorOps.Add(x, 0.5 * _feedForward2.call(x));
        return _finalNorm.call(x).MoveToOuterDisposeScope();
    }
}
