using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// AV-ASR-like (after Auto-AVSR): a Conformer encoder per modality (12 blocks, d 768, 12 heads, FF 3072,
/// kernel 31) on 25 tokens per second. Audio front-end: strided 1-D convolutions over the raw 16 kHz
/// waveform (640x down-sampling); video front-end: a 3-D convolution and a strided 2-D trunk over
/// 88x88 grey mouth crops at 25 fps. With both modalities the encoder outputs are concatenated frame by
/// frame and fused by an MLP (2d -> 8192 -> d). Head: per-frame Linear(d, 5000) (CTC over SentencePiece
/// units); a 4-second utterance (100 frames). The transformer decoder is left out.
/// </summary>
public sealed class AvAsrModel : ZooModel
{
    private readonly Sequential _audioFrontEnd;
    private readonly Conv3d _videoStem;
    private readonly Sequential _videoTrunk;
    private readonly Linear _videoProjection;
    private readonly ModuleList<ConformerBlock> _audioEncoder;
    private readonly ModuleList<ConformerBlock> _videoEncoder;
    private readonly Sequential _fusion;
    private readonly Linear _head;
    private readonly int _frames;
    private readonly int _crop;
    private readonly int _vocabulary;

    public AvAsrModel(ZooScale scale)
        : base("av-asr", scale)
    {
        int seconds;
        int fusionHidden;
        int kernel;
        (seconds, _crop, _vocabulary, fusionHidden, kernel) = scale.IsFull ? (4, 88, 5000, 8192, 31) : (1, 32, 100, 4 * scale.Width, 7);
        _frames = 25 * seconds;
        int d = scale.Width;
        _audioFrontEnd = nn.Sequential(
            nn.Conv1d(1, 64, 80, stride: 4, padding: 38), nn.GELU(),
            nn.Conv1d(64, 128, 4, stride: 4), nn.GELU(),
            nn.Conv1d(128, 256, 4, stride: 4), nn.GELU(),
            nn.Conv1d(256, d, 10, stride: 10));
        _videoStem = nn.Conv3d(1, 64, (5, 7, 7), stride: (1, 2, 2), padding: (2, 3, 3));
        _videoTrunk = nn.Sequential(
            nn.GELU(),
            nn.Conv2d(64, 128, 3, stride: 2, padding: 1), nn.GELU(),
            nn.Conv2d(128, 256, 3, stride: 2, padding: 1), nn.GELU(),
            nn.Conv2d(256, 512, 3, stride: 2, padding: 1), nn.GELU());
        _videoProjection = nn.Linear(512, d);
        _audioEncoder = nn.ModuleList(Enumerable.Range(0, scale.Layers).Select(i => new ConformerBlock($"audio{i}", scale, kernel)).ToArray());
        _videoEncoder = nn.ModuleList(Enumerable.Range(0, scale.Layers).Select(i => new ConformerBlock($"video{i}", scale, kernel)).ToArray());
        _fusion = nn.Sequential(nn.Linear(2 * d, fusionHidden), nn.GELU(), nn.Linear(fusionHidden, d));
        _head = nn.Linear(d, _vocabulary);
        RegisterComponents();
    }

    public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

    public override IReadOnlyList<ModalityInput> Inputs =>
        [new("audio", [1, _frames * 640]), new("video", [1, _frames, _crop, _crop])];

    public override long Outputs => _frames * _vocabulary;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities) =>
        Modalities.Where(modalities.Contains).Select(_ => new EncoderSegment(_frames, Scale.Layers)).ToArray();

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        CheckModalities(inputs);
        using var scope = NewDisposeScope();
        var streams = new List<Tensor>();
        if (inputs.TryGetValue("audio", out Tensor? audio))
        {
            Tensor x = _audioFrontEnd.call(audio).transpose(1, 2);
            foreach (ConformerBlock block in _audioEncoder)
            {
                x = block.call(x);
            }
            streams.Add(x);
        }
        if (inputs.TryGetValue("video", out Tensor? video))
        {
            long batch = video.shape[0];
            Tensor stem = _videoStem.call(video);
            Tensor frames = stem.transpose(1, 2).flatten(0, 1);
            Tensor features = _videoTrunk.call(frames).mean([2, 3]);
            Tensor x = _videoProjection.call(features).reshape(batch, _frames, -1);
            foreach (ConformerBlock block in _videoEncoder)
            {
                x = block.call(x);
            }
            streams.Add(x);
        }
        Tensor fused = streams.Count == 2 ? _fusion.call(cat(streams, 2)) : streams[0];
        return _head.call(fused).MoveToOuterDisposeScope();
    }
}
