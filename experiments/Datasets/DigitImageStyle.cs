namespace Mosel.Experiments.Datasets;

/// <summary>How one digit image is drawn: font file, glyph size (px), rotation, offset from the centre (px), blur, clutter and noise.</summary>
public sealed record DigitImageStyle(string Font, float Size, float RotationDegrees, float OffsetX, float OffsetY, float Blur,
    int ClutterStrokes, bool Occluded, float NoiseLevel)
{
    /// <summary>
    /// A style drawn at random. Deliberately hard: 15 % of the images have a bar across the glyph, clutter strokes
    /// look like parts of digits, and blur and noise vary, so that the image alone misreads some digits the audio gets right.
    /// </summary>
    public static DigitImageStyle Draw(Random random, IReadOnlyList<string> fonts) => new(
        fonts[random.Next(fonts.Count)],
        Size: 14 + (random.NextSingle() * 10),
        RotationDegrees: (random.NextSingle() - 0.5f) * 50,
        OffsetX: (random.NextSingle() - 0.5f) * 8,
        OffsetY: (random.NextSingle() - 0.5f) * 8,
        Blur: random.NextSingle() * 1.6f,
        ClutterStrokes: random.Next(5),
        Occluded: random.NextDouble() < 0.15,
        NoiseLevel: random.NextSingle() * 45);
}
