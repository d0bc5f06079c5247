using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// ViLT-like: one ViT-B/32 encoder over [CLS, text, image] tokens. Image: 3x384x384 in 32x32 patches
/// (144 tokens); text: 40 token ids through a 30522 x d embedding; head Linear(d, 101) (Food-101).
/// </summary>
public sealed class ViltModel : ZooModel
{
    private readonly PatchEmbedding _image;
    private readonly Embedding _text;
    private readonly Parameter _cls;
    private readonly Parameter _imagePosition;
    private readonly Parameter _textPosition;
    private readonly TokenEncoder _encoder;
    private readonly Linear _head;
    private readonly int _size;
    private readonly int _words;
    private readonly int _vocabulary;

    public ViltModel(ZooScale scale)
        : base("vilt", scale)
    {
        (_size, _words, _vocabulary) = scale.IsFull ? (384, 40, 30522) : (128, 16, 1000);
        int d = scale.Width;
        _image = new PatchEmbedding("image", 3, 32, d);
        _text = nn.Embedding(_vocabulary, d);
        _cls = nn.Parameter(randn(1, 1, d) * 0.02);
        _imagePosition = nn.Parameter(randn(1, ImageTokens, d) * 0.02);
        _textPosition = nn.Parameter(randn(1, _words, d) * 0.02);
        _encoder = new TokenEncoder("encoder", scale, scale.Layers);
        _head = nn.Linear(d, 101);
        RegisterComponents();
    }

    private long ImageTokens => (_size / 32) * (_size / 32);

    public override IReadOnlyList<string> Modalities { get; } = ["image", "text"];

    public override IReadOnlyList<ModalityInput> Inputs =>
        [new("image", [3, _size, _size]), new("text", [_words], IsTokenIds: true, Vocabulary: _vocabulary)];

    public override long Outputs => 101;

    public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities) =>
        [new(1 + (modalities.Contains("image") ? ImageTokens : 0) + (modalities.Contains("text") ? _words : 0), Scale.Layers)];

    public override Tensor forward(IReadOnlyDictionary<string, Tensor> inputs)
    {
        using var scope = NewDisposeScope();
        List<Tensor> tokens = ClassTokens(inputs, _cls);
        if (inputs.TryGetValue("text", out Tensor? text))
        {
            tokens.Add(TensorOps.Add(_text.call(text), _textPosition));
        }
        if (inputs.TryGetValue("image", out Tensor? image))
        {
            tokens.Add(TensorOps.Add(_image.call(image), _imagePosition));
        }
        Tensor encoded = _encoder.call(cat(tokens, 1));
        return _head.call(encoded.select(1, 0)).MoveToOuterDisposeScope();
    }
}
