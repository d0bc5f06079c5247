using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// CAV-MAE-like: 11 modality-specific ViT-B layers per modality, then 1 shared layer over the
/// concatenated tokens. Audio: 1x1024x128 log-mel in 16x16 patches (512 tokens); video: one 3x224x224
/// frame in 16x16 patches (196 tokens). Head: mean-pooled tokens, Linear(d, 527).
/// </summary>
public sealed class CavMaeModel : ZooModel
{
    private readonly PatchEmbedding _video;
    private readonly PatchEmbedding _audio;
    private readonly Parameter _videoPosition;
    private readonly Parameter _audioPosition;
    private readonly TokenEncoder _videoEncoder;
    private readonly TokenEncoder _audioEncoder;
    private readonly TokenEncoder _shared;
    private readonly Linear _head;
    private readonly int _image;
    private readonly int _audioFrames;
    private readonly int _mel;

    public CavMaeModel(ZooScale scale)
        : base("cav-mae", scale)
    {
        (_image, _audioFrames, _mel) = scale.IsFull ? (224, 1024, 128) : (64, 128, 32);
        int d = scale.Width;
        _video = new PatchEmbedding("video", 3, 16, d);
        _audio = new PatchEmbedding("audio", 1, 16, d);
        _videoPosition = nn.Parameter(randn(1, VideoTokens, d) * 0.02);
        _audioPosition = nn.Parameter(randn(1, AudioTokens, d) * 0.02);
        _videoEncoder = new TokenEncoder("video_encoder", scale, scale.Layers - 1, finalNorm: false);
        _audioEncoder = new TokenEncoder("audio_encoder", scale, scale.Layers - 1, finalNorm: false);
        _shared = new TokenEncoder("shared", scale, 1);
        _head = nn.Linear(d, 527);
        RegisterComponents();
    }

    private long VideoTokens => (_image / 16) * (_image / 16);

    private long AudioTokens => (_audioFrames / 16) * (_mel / 16);

    public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

    public override IReadOnlyList<ModalityInput> Inputs =>
        [new("audio", [1, _audioFrames, _mel]), new("video", [3, _image, _image])];

    public override long Outputs => 527;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities)
    {
        var segments = new List<EncoderSegment>();
        long shared = 0;
        foreach ((string modality, long tokens) in new[] { ("audio", AudioTokens), ("video", VideoTokens) })
        {
            if (modalities.Contains(modality))
            {
                segments.Add(new EncoderSegment(tokens, Scale.Layers - 1));
                shared += tokens;
            }
        }
        segments.Add(new EncoderSegment(shared, 1));
        return segments;
    }

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        CheckModalities(inputs);
        using var scope = NewDisposeScope();
        var tokens = new List<Tensor>();
        if (inputs.TryGetValue("audio", out Tensor? audio))
        {
            tokens.Add(_audioEncoder.call(TensorOps.Add(_audio.call(audio), _audioPosition)));
        }
        if (inputs.TryGetValue("video", out Tensor? video))
        {
            tokens.Add(_videoEncoder.call(TensorOps.Add(_video.call(video), _videoPosition)));
        }
        Tensor joint = _shared.call(cat(tokens, 1));
        return _head.call(joint.mean([1])).MoveToOuterDisposeScope();
    }
}
