using System.Globalization;
using System.Text;

namespace Mosel.Experiments.Datasets;

/// <summary>The dataset's datasheet: how it is made, its balance and splits, and the licences of what it is made from.</summary>
public static class Datasheet
{
    public static string Text(DigitDatasetSettings settings, IReadOnlyList<DigitSample> samples, IReadOnlyList<string> fonts)
    {
        var text = new StringBuilder();
        CultureInfo inv = CultureInfo.InvariantCulture;
        text.AppendLine("# Datasheet: Mosel spoken and written digits");
        text.AppendLine();
        text.AppendLine("A labelled two-modality dataset built on this machine from Debian packages (nothing downloaded): each sample is a");
        text.AppendLine("digit 0-9 as a sound (audio) and as an image (video). Built by `mosel dataset build`; the same seed and settings give");
        text.AppendLine("the same samples on a machine with the same espeak-ng, sox and fonts (versions in dataset.json).");
        text.AppendLine();
        text.AppendLine("## How it is made");
        text.AppendLine();
        text.AppendLine(inv, $"- **Utterances**: {settings.UtterancesPerDigit} per digit. The digit's English word is spoken by espeak-ng with an accent drawn");
        text.AppendLine(inv, $"  from {string.Join(", ", SpeechVoice.Accents)}, a voice variant from {string.Join(", ", SpeechVoice.Variants)},");
        text.AppendLine("  120-200 words per minute and pitch 25-75; sox resamples it to 8 kHz mono, trims the silence around the word and");
        text.AppendLine("  normalises its peak.");
        text.AppendLine(inv, $"- **Audio** ({settings.SamplesPerUtterance} samples per utterance): the word at a random offset of a 1 s clip under white noise at a");
        text.AppendLine(inv, $"  signal-to-noise ratio uniform in [{DigitDatasetBuilder.MinSnrDb}, {DigitDatasetBuilder.MaxSnrDb}] dB; features are a log mel spectrogram,");
        text.AppendLine(inv, $"  {LogMelSpectrogram.Frames} frames (32 ms Hann window, 31 ms hop) x {LogMelSpectrogram.Bands} mel bands up to 4 kHz, ln(energy + 1e-6).");
        text.AppendLine(inv, $"- **Video**: a new {DigitImageRenderer.Side} x {DigitImageRenderer.Side} grey image of the same digit per sample, drawn with SkiaSharp: a font");
        text.AppendLine("  drawn from the list below, 14-24 px, rotated up to +/-25 degrees, moved up to 4 px, blurred (sigma 0-1.6), 0-4 clutter");
        text.AppendLine("  strokes, a black bar across the glyph in 15 % of images, Gaussian pixel noise (sigma 0-45 grey levels).");
        text.AppendLine("- Both modalities are imperfect on purpose (loud noise, bars, clutter), and independently so: a sample whose sound is");
        text.AppendLine("  buried usually has a readable image and the other way round, so the two together are more accurate than either.");
        text.AppendLine();
        text.AppendLine("## Splits and balance");
        text.AppendLine();
        text.AppendLine("Utterances, not samples, are split 70/15/15 per digit between train, validation and test: no test sound was heard in");
        text.AppendLine("training (the images are all distinct draws).");
        text.AppendLine();
        text.AppendLine("| split | samples | per digit (0-9) |");
        text.AppendLine("|---|---:|---|");
        foreach (string split in DatasetSplit.All)
        {
            int[] perDigit = Enumerable.Range(0, DigitDatasetBuilder.Words.Count).Select(d => samples.Count(s => s.Split == split && s.Label == d)).ToArray();
            text.AppendLine(inv, $"| {split} | {perDigit.Sum()} | {string.Join(", ", perDigit)} |");
        }
        text.AppendLine();
        text.AppendLine("## Sources and licences");
        text.AppendLine();
        text.AppendLine("- Voices: espeak-ng (Debian package `espeak-ng`; program and voice data GPL-3.0-or-later). Generated speech is program");
        text.AppendLine("  output, not a copy of the voice data.");
        text.AppendLine("- Resampling: sox (Debian package `sox`; GPL-2.0 / LGPL-2.1).");
        text.AppendLine("- Fonts (glyphs rendered into images; no font file is copied):");
        foreach (string font in fonts)
        {
            string licence = font.Contains("dejavu", StringComparison.OrdinalIgnoreCase)
                ? "DejaVu fonts licence (Bitstream Vera derived, free), Debian package `fonts-dejavu-core`"
                : "SIL Open Font License 1.1, Debian package `fonts-liberation`";
            text.AppendLine(inv, $"  - {Path.GetFileName(font)}: {licence}");
        }
        text.AppendLine();
        text.AppendLine("## Intended use and limits");
        text.AppendLine();
        text.AppendLine("Measuring how accurate each modality configuration of a model is, and whether a serving policy that drops modalities");
        text.AppendLine("keeps its accuracy promise. Synthetic speech and rendered glyphs are far easier and far less varied than real");
        text.AppendLine("recordings and handwriting: accuracies measured here say nothing about real-world digit recognition.");
        return text.ToString();
    }
}
