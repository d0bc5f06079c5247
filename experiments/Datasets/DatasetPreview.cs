using SkiaSharp;

namespace Mosel.Experiments.Datasets;

/// <summary>PNG sheets to look at: the first images of each digit, and one spectrogram per digit (time left to right, low bands at the bottom).</summary>
public static class DatasetPreview
{
    private const int Scale = 4;
    private const int PerDigit = 8;

    public static void WriteImages(string path, IReadOnlyList<DigitSample> samples)
    {
        int side = DigitImageRenderer.Side * Scale;
        using var bitmap = new SKBitmap(PerDigit * side, DigitDatasetBuilder.Words.Count * side, SKColorType.Gray8, SKAlphaType.Opaque);
        for (int digit = 0; digit < DigitDatasetBuilder.Words.Count; digit++)
        {
            DigitSample[] row = samples.Where(s => s.Label == digit).Take(PerDigit).ToArray();
            for (int c = 0; c < row.Length; c++)
            {
                for (int y = 0; y < side; y++)
                {
                    for (int x = 0; x < side; x++)
                    {
                        byte v = row[c].Video[((y / Scale) * DigitImageRenderer.Side) + (x / Scale)];
                        bitmap.SetPixel((c * side) + x, (digit * side) + y, new SKColor(v, v, v));
                    }
                }
            }
        }
        Save(bitmap, path);
    }

    public static void WriteSpectrograms(string path, IReadOnlyList<DigitSample> samples)
    {
        int width = LogMelSpectrogram.Frames * Scale;
        int height = LogMelSpectrogram.Bands * Scale;
        using var bitmap = new SKBitmap(5 * (width + Scale), 2 * (height + Scale), SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.White);
        for (int digit = 0; digit < DigitDatasetBuilder.Words.Count; digit++)
        {
            DigitSample? sample = samples.Where(s => s.Label == digit).MaxBy(s => s.SnrDb);
            if (sample is null)
            {
                continue;
            }
            float min = sample.Audio.Min();
            float max = sample.Audio.Max();
            int left = (digit % 5) * (width + Scale);
            int top = (digit / 5) * (height + Scale);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int band = LogMelSpectrogram.Bands - 1 - (y / Scale);
                    float v = (sample.Audio[((x / Scale) * LogMelSpectrogram.Bands) + band] - min) / Math.Max(max - min, 1e-6f);
                    bitmap.SetPixel(left + x, top + y, Heat(v));
                }
            }
        }
        Save(bitmap, path);
    }

    /// <summary>Dark blue (low) through red to yellow (high).</summary>
    private static SKColor Heat(float v) =>
        new((byte)(255 * Math.Clamp(v * 2, 0, 1)), (byte)(255 * Math.Clamp((v * 2) - 1, 0, 1)), (byte)(255 * Math.Clamp(0.5f - v, 0, 0.5f) * 2));

    private static void Save(SKBitmap bitmap, string path)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }
}
