using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// TVLT-like: one ViT-B encoder over the joint token sequence (early fusion). Video: 8 frames of
/// 3x224x224 in 16x16 patches (1568 tokens); audio: a 1x1024x128 spectrogram in 16x16 patches (512
/// tokens); one CLS token; head Linear(d, 2d)-LayerNorm-GELU-Linear(2d, 1) on the CLS output.
/// </summary>
public sealed class TvltModel : ZooModel
{
    private readonly FramePatchEmbedding _video;
    private readonly PatchEmbedding _audio;
    private readonly Parameter _cls;
    private readonly Parameter _videoPosition;
    private readonly Parameter _audioPosition;
    private readonly TokenEncoder _encoder;
    private readonly Sequential _head;
    private readonly int _frames;
    private readonly int _image;
    private readonly int _audioFrames;
    private readonly int _mel;

    public TvltModel(ZooScale scale)
        : base("tvlt", scale)
    {
        (_frames, _image, _audioFrames, _mel) = scale.IsFull ? (8, 224, 1024, 128) : (2, 64, 128, 32);
        int d = scale.Width;
        _video = new FramePatchEmbedding("video", 3, 16, d);
        _audio = new PatchEmbedding("audio", 1, 16, d);
        _cls = nn.Parameter(randn(1, 1, d) * 0.02);
        _videoPosition = nn.Parameter(randn(1, VideoTokens, d) * 0.02);
        _audioPosition = nn.Parameter(randn(1, AudioTokens, d) * 0.02);
        _encoder = new TokenEncoder("encoder", scale, scale.Layers);
        _head = nn.Sequential(nn.Linear(d, 2 * d), nn.LayerNorm(2 * d), nn.GELU(), nn.Linear(2 * d, 1));
        RegisterComponents();
    }

    private long VideoTokens => _frames * (_image / 16) * (_image / 16);

    private long AudioTokens => (_audioFrames / 16) * (_mel / 16);

    public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

    public override IReadOnlyList<ModalityInput> Inputs =>
        [new("audio", [1, _audioFrames, _mel]), new("video", [_frames, 3, _image, _image])];

    public override long Outputs => 1;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities) =>
        [new(1 + (modalities.Contains("audio") ? AudioTokens : 0) + (modalities.Contains("video") ? VideoTokens : 0), Scale.Layers)];

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        CheckModalities(inputs);
        using var scope = NewDisposeScope();
        long batch = inputs.Values.First().shape[0];
        var tokens = new List<Tensor> { _cls.expand(batch, -1, -1).to(_videoPosition.dtype) };
        if (inputs.TryGetValue("audio", out Tensor? audio))
        {
            tokens.Add(TensorOps.Add(_audio.call(audio), _audioPosition));
        }
        if (inputs.TryGetValue("video", out Tensor? video))
        {
            tokens.Add(TensorOps.Add(_video.call(video), _videoPosition));
        }
        Tensor encoded = _encoder.call(cat(tokens, 1));
        return _head.call(encoded.select(1, 0)).MoveToOuterDisposeScope();
    }
}
