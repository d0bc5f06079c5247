using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using Mosel.Experiments.Errors;
using SkiaSharp;

namespace Mosel.Experiments.Datasets;

/// <summary>Draws a digit with SkiaSharp into a <see cref="Side"/> x <see cref="Side"/> grey image (one byte a pixel, row-major).</summary>
public static class DigitImageRenderer
{
    public const int Side = 28;

    // The font files drawn from (Debian packages fonts-dejavu-core and fonts-liberation).
    private static readonly string[] s_fonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ];

    /// <summary>How many font files a full install gives (<see cref="Fonts"/> lists those present).</summary>
    public static int FontCount => s_fonts.Length;

    // Each font file is read once per process, not once per image.
    private static readonly ConcurrentDictionary<string, SKTypeface> s_typefaces = new(StringComparer.Ordinal);

    /// <summary>The fonts drawn from that are present on this machine.</summary>
    public static IReadOnlyList<string> Fonts() => s_fonts.Where(File.Exists).ToArray();

    /// <param name="random">Draws the clutter strokes, the bar and the pixel noise (the style fixes everything else).</param>
    public static byte[] Render(int digit, DigitImageStyle style, Random random)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = new SKColor(170, 170, 170), StrokeWidth = 1.6f };
        for (int i = 0; i < style.ClutterStrokes; i++)
        {
            // Short arcs and lines, the size of a digit's strokes.
            float x = random.NextSingle() * Side;
            float y = random.NextSingle() * Side;
            if (random.NextDouble() < 0.5)
            {
                canvas.DrawLine(x, y, x + ((random.NextSingle() - 0.5f) * 14), y + ((random.NextSingle() - 0.5f) * 14), stroke);
            }
            else
            {
                canvas.DrawArc(new SKRect(x - 5, y - 5, x + 5, y + 5), random.NextSingle() * 360, 90 + (random.NextSingle() * 180), false, stroke);
            }
        }
        using var font = new SKFont(Typeface(style.Font), style.Size);
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using SKImageFilter? blur = style.Blur > 0.05f ? SKImageFilter.CreateBlur(style.Blur, style.Blur) : null;
        ink.ImageFilter = blur;
        string text = digit.ToString();
        SKRect bounds = default;
        font.MeasureText(text, out bounds, ink);
        canvas.Save();
        canvas.Translate((Side / 2f) + style.OffsetX, (Side / 2f) + style.OffsetY);
        canvas.RotateDegrees(style.RotationDegrees);
        canvas.DrawText(text, -bounds.MidX, -bounds.MidY, SKTextAlign.Left, font, ink);
        canvas.Restore();
        if (style.Occluded)
        {
            using var bar = new SKPaint { Color = SKColors.Black };
            float y = 6 + (random.NextSingle() * 12);
            canvas.RotateDegrees((random.NextSingle() - 0.5f) * 60, Side / 2f, Side / 2f);
            canvas.DrawRect(-4, y, Side + 8, 4 + (random.NextSingle() * 3), bar);
        }
        canvas.Flush();
        byte[] pixels = bitmap.GetPixelSpan().ToArray();
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + Normal.Sample(random, 0, style.NoiseLevel), 0, 255);
        }
        return pixels;
    }

    private static SKTypeface Typeface(string file) => s_typefaces.GetOrAdd(file, static path =>
        SKTypeface.FromFile(path) ?? throw new EnvironmentException($"{path}: not a font file SkiaSharp can read"));
}
