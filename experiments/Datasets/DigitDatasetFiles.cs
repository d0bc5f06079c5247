using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mosel.Executor.Weights;
using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Datasets;

/// <summary>
/// A dataset folder's files: one safetensors file per split (tensors audio F32 [N, 32, 32], video U8 [N, 28, 28], label
/// I64 [N], id I64 [N]), samples.csv (how each sample was made), dataset.json (settings, counts, tools), datasheet.md and
/// preview images.
/// </summary>
public static class DigitDatasetFiles
{
    /// <summary>How each sample was made, a row per sample, keyed by its id.</summary>
    public const string SamplesFile = "samples.csv";

    public const string IdColumn = "id";

    public const string LabelColumn = "label";

    /// <summary>Which of its digit's utterances a sample is cut from: samples of one utterance share sound and voice.</summary>
    public const string UtteranceColumn = "utterance";

    public const string Manifest = "dataset.json";
    public const string Kind = "mosel-digits";

    public static string SplitFile(string split) => $"{split}.safetensors";

    public static void Write(string folder, DigitDatasetSettings settings, IReadOnlyList<DigitSample> samples, IReadOnlyList<string> fonts)
    {
        foreach (string split in DatasetSplit.All)
        {
            DigitSample[] part = samples.Where(s => s.Split == split).ToArray();
            int n = part.Length;
            SafetensorsFile.Write(Path.Combine(folder, SplitFile(split)),
                [
                    (new SafetensorsEntry("audio", "F32", [n, LogMelSpectrogram.Frames, LogMelSpectrogram.Bands]), Bytes(part.SelectMany(s => s.Audio))),
                    (new SafetensorsEntry("video", "U8", [n, DigitImageRenderer.Side, DigitImageRenderer.Side]), part.SelectMany(s => s.Video).ToArray()),
                    (new SafetensorsEntry("label", "I64", [n]), Bytes(part.Select(s => (long)s.Label))),
                    (new SafetensorsEntry("id", "I64", [n]), Bytes(part.Select(s => (long)s.Id))),
                ],
                new Dictionary<string, string> { ["dataset"] = Kind, ["split"] = split, ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture) });
        }
        using (var csv = CsvFiles.Create(Path.Combine(folder, SamplesFile)))
        {
            csv.WriteRow(IdColumn, "split", LabelColumn, "word", UtteranceColumn, "accent", "variant", "words_per_minute", "pitch", "snr_db", "offset_s",
                "font", "size_px", "rotation_deg", "offset_x_px", "offset_y_px", "blur", "clutter_strokes", "occluded", "noise");
            foreach (DigitSample s in samples)
            {
                csv.WriteRow(s.Id, s.Split, s.Label, DigitDatasetBuilder.Words[s.Label], s.Utterance, s.Voice.Accent, s.Voice.Variant, s.Voice.WordsPerMinute,
                    s.Voice.Pitch, Math.Round(s.SnrDb, 3), Math.Round(s.OffsetSeconds, 4), Path.GetFileName(s.Image.Font), Math.Round(s.Image.Size, 2),
                    Math.Round(s.Image.RotationDegrees, 2), Math.Round(s.Image.OffsetX, 2), Math.Round(s.Image.OffsetY, 2), Math.Round(s.Image.Blur, 3),
                    s.Image.ClutterStrokes, s.Image.Occluded ? 1 : 0, Math.Round(s.Image.NoiseLevel, 2));
            }
        }
        var counts = new JsonObject();
        foreach (string split in DatasetSplit.All)
        {
            counts[split] = new JsonArray(Enumerable.Range(0, DigitDatasetBuilder.Words.Count)
                .Select(label => (JsonNode)samples.Count(s => s.Split == split && s.Label == label)).ToArray());
        }
        var manifest = new JsonObject
        {
            ["kind"] = Kind,
            ["seed"] = settings.Seed,
            ["utterances_per_digit"] = settings.UtterancesPerDigit,
            ["samples_per_utterance"] = settings.SamplesPerUtterance,
            ["samples"] = samples.Count,
            ["samples_per_class"] = counts,
            ["audio"] = $"log mel spectrogram, {LogMelSpectrogram.Frames} frames x {LogMelSpectrogram.Bands} bands of a 1 s clip at {SpeechSynthesizer.SampleRate} Hz",
            ["video"] = $"grey image {DigitImageRenderer.Side} x {DigitImageRenderer.Side}, one byte a pixel",
            ["espeak_ng"] = SpeechSynthesizer.Version("espeak-ng"),
            ["sox"] = SpeechSynthesizer.Version("sox"),
            ["fonts"] = new JsonArray(fonts.Select(f => (JsonNode)Path.GetFileName(f)).ToArray()),
        };
        File.WriteAllText(Path.Combine(folder, Manifest), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(folder, "datasheet.md"), Datasheet.Text(settings, samples, fonts));
        string preview = Directory.CreateDirectory(Path.Combine(folder, "preview")).FullName;
        DatasetPreview.WriteImages(Path.Combine(preview, "images.png"), samples);
        DatasetPreview.WriteSpectrograms(Path.Combine(preview, "spectrograms.png"), samples);
    }

    /// <summary>The values' bytes as they lie in memory, little-endian on the machines Mosel runs on: the dataset is written without libtorch.</summary>
    private static byte[] Bytes<T>(IEnumerable<T> values)
        where T : struct => MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray();
}
