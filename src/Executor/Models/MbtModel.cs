using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// MBT-like ("Attention Bottlenecks for Multimodal Fusion"): one ViT-B per modality with its own weights.
/// Layers 0-7 run per modality; in layers 8-11 each modality's layer also sees 4 shared bottleneck
/// tokens, averaged across modalities after every layer. A single modality is its own model: no
/// bottleneck. Video: 32 frames of 3x224x224 in 2x16x16 tubelets (3136 tokens); audio: 800x128
/// log-mel in 16x16 patches (400 tokens). Head: mean-pooled tokens, averaged over modalities, Linear(d, 527).
/// </summary>
public sealed class MbtModel : ZooModel
{
    private const int BottleneckTokens = 4;
    private readonly TubeletEmbedding _video;
    private readonly PatchEmbedding _audio;
    private readonly Parameter _videoPosition;
    private readonly Parameter _audioPosition;
    private readonly Parameter _bottleneck;
    private readonly TokenEncoder _videoEncoder;
    private readonly TokenEncoder _audioEncoder;
    private readonly Linear _head;
    private readonly int _frames;
    private readonly int _image;
    private readonly int _audioFrames;
    private readonly int _mel;
    private readonly int _fusionLayer;

    public MbtModel(ZooScale scale)
        : base("mbt", scale)
    {
        (_frames, _image, _audioFrames, _mel) = scale.IsFull ? (32, 224, 800, 128) : (4, 32, 64, 32);
        _fusionLayer = scale.Layers * 2 / 3;
        int d = scale.Width;
        _video = new TubeletEmbedding("video", 3, 2, 16, d);
        _audio = new PatchEmbedding("audio", 1, 16, d);
        _videoPosition = nn.Parameter(randn(1, VideoTokens, d) * 0.02);
        _audioPosition = nn.Parameter(randn(1, AudioTokens, d) * 0.02);
        _bottleneck = nn.Parameter(randn(1, BottleneckTokens, d) * 0.02);
        _videoEncoder = new TokenEncoder("video_encoder", scale, scale.Layers);
        _audioEncoder = new TokenEncoder("audio_encoder", scale, scale.Layers);
        _head = nn.Linear(d, 527);
        RegisterComponents();
    }

    private long VideoTokens => (_frames / 2) * (_image / 16) * (_image / 16);

    private long AudioTokens => (_audioFrames / 16) * (_mel / 16);

    public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

    public override IReadOnlyList<ModalityInput> Inputs =>
        [new("audio", [1, _audioFrames, _mel]), new("video", [3, _frames, _image, _image])];

    public override long Outputs => 527;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities)
    {
        bool fused = modalities.Count == 2;
        var segments = new List<EncoderSegment>();
        foreach ((string modality, long tokens) in new[] { ("audio", AudioTokens), ("video", VideoTokens) })
        {
            if (modalities.Contains(modality))
            {
                segments.Add(new EncoderSegment(tokens, _fusionLayer));
                segments.Add(new EncoderSegment(tokens + (fused ? BottleneckTokens : 0), Scale.Layers - _fusionLayer));
            }
        }
        return segments;
    }

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        CheckModalities(inputs);
        using var scope = NewDisposeScope();
        var streams = new List<(TokenEncoder Encoder, Tensor Tokens)>();
        if (inputs.TryGetValue("audio", out Tensor? audio))
        {
            streams.Add((_audioEncoder, TensorOps.Add(_audio.call(audio), _audioPosition)));
        }
        if (inputs.TryGetValue("video", out Tensor? video))
        {
            streams.Add((_videoEncoder, TensorOps.Add(_video.call(video), _videoPosition)));
        }
        for (int s = 0; s < streams.Count; s++)
        {
            streams[s] = (streams[s].Encoder, streams[s].Encoder.Run(streams[s].Tokens, 0, _fusionLayer));
        }
        if (streams.Count == 2)
        {
            long batch = streams[0].Tokens.shape[0];
            Tensor bottleneck = _bottleneck.expand(batch, -1, -1);
            for (int layer = _fusionLayer; layer < Scale.Layers; layer++)
            {
                var updates = new List<Tensor>();
                for (int s = 0; s < streams.Count; s++)
                {
                    long n = streams[s].Tokens.shape[1];
                    Tensor joint = streams[s].Encoder.Layer(layer, cat([streams[s].Tokens, bottleneck], 1));
                    streams[s] = (streams[s].Encoder, joint.narrow(1, 0, n));
                    updates.Add(joint.narrow(1, n, BottleneckTokens));
                }
                bottleneck = stack(updates).mean([0]);
            }
            for (int s = 0; s < streams.Count; s++)
            {
                streams[s] = (streams[s].Encoder, streams[s].Encoder.Run(streams[s].Tokens, Scale.Layers, Scale.Layers));
            }
        }
        else
        {
            streams[0] = (streams[0].Encoder, streams[0].Encoder.Run(streams[0].Tokens, _fusionLayer, Scale.Layers));
        }
        Tensor pooled = stack(streams.Select(s => s.Tokens.mean([1])).ToArray()).mean([0]);
        return _head.call(pooled).MoveToOuterDisposeScope();
    }
}
