using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// A small audio-visual classifier for Mosel's spoken-and-written digits dataset, built like TVLT: a two-layer
/// convolutional stem turns the audio into 16 tokens (a 4 x 4 grid), a three-layer one turns the image into 49 (7 x 7),
/// so that video is the dearer modality as in the published audio-visual models; the tokens of the present modalities and a class
/// token go through one joint transformer encoder, and the class token is classified into the 10 digits. Trained with
/// modality dropout, so that audio alone, video alone and both are all valid inputs.
/// Inputs: audio (1, 32, 32) log mel spectrogram (frames x bands; normalised inside the model with the training split's
/// mean and spread, kept as buffers in the weights); video (1, 28, 28) grey image scaled to [0, 1].
/// </summary>
public sealed class AvDigitsModel : ZooModel
{
    public const int Classes = 10;
    private const int AudioGrid = 4;
    private const int VideoGrid = 7;
    private readonly Sequential _audioStem;
    private readonly Sequential _videoStem;
    private readonly Parameter _cls;
    private readonly Parameter _audioPosition;
    private readonly Parameter _videoPosition;
    private readonly TokenEncoder _encoder;
    private readonly Linear _head;
    private readonly Tensor _audioShift;
    private readonly Tensor _audioScale;

    /// <summary>The model's name in the zoo, in profiles and in configs.</summary>
    public const string ZooName = "av-digits";

    public AvDigitsModel(ZooScale scale)
        : base(ZooName, scale)
    {
        int d = scale.Width;
        _audioStem = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1), nn.GELU(), nn.MaxPool2d(2),
            nn.Conv2d(32, d, 3, padding: 1), nn.GELU(), nn.MaxPool2d(2), nn.AdaptiveAvgPool2d(AudioGrid));
        _videoStem = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1), nn.GELU(), nn.Conv2d(32, 32, 3, padding: 1), nn.GELU(), nn.MaxPool2d(2),
            nn.Conv2d(32, d, 3, padding: 1), nn.GELU(), nn.MaxPool2d(2), nn.AdaptiveAvgPool2d(VideoGrid));
        _cls = nn.Parameter(randn(1, 1, d) * 0.02);
        _audioPosition = nn.Parameter(randn(1, AudioGrid * AudioGrid, d) * 0.02);
        _videoPosition = nn.Parameter(randn(1, VideoGrid * VideoGrid, d) * 0.02);
        _encoder = new TokenEncoder("encoder", scale, scale.Layers);
        _head = nn.Linear(d, Classes);
        _audioShift = zeros(1);
        _audioScale = ones(1);
        RegisterComponents();
    }

    public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

    public override IReadOnlyList<ModalityInput> Inputs { get; } = [new("audio", [1, 32, 32]), new("video", [1, 28, 28])];

    public override long Outputs => Classes;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities) =>
        [new(1 + (modalities.Contains("audio") ? AudioGrid * AudioGrid : 0) + (modalities.Contains("video") ? VideoGrid * VideoGrid : 0), Scale.Layers)];

    /// <summary>Sets the audio normalisation (the training split's mean and standard deviation of the features).</summary>
    public void SetAudioNormalisation(double mean, double std)
    {
        using var grad = no_grad();
        _audioShift.fill_(mean);
        _audioScale.fill_(std);
    }

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        using var scope = NewDisposeScope();
        List<Tensor> tokens = ClassTokens(inputs, _cls);
        if (inputs.TryGetValue("audio", out Tensor? audio))
        {
            Tensor normalised = TensorOps.Add(audio, _audioShift.neg()).div(_audioScale);
            tokens.Add(TensorOps.Add(Tokens(_audioStem, normalised), _audioPosition));
        }
        if (inputs.TryGetValue("video", out Tensor? video))
        {
            tokens.Add(TensorOps.Add(Tokens(_videoStem, video), _videoPosition));
        }
        Tensor encoded = _encoder.call(cat(tokens, 1));
        return _head.call(encoded.select(1, 0)).MoveToOuterDisposeScope();
    }

    /// <summary>(B, 1, H, W) → (B, grid², width): one token per cell of the stem's grid.</summary>
    private static Tensor Tokens(Sequential stem, Tensor input) => stem.call(input).flatten(2).transpose(1, 2);
}
