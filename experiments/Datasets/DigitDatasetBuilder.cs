using MathNet.Numerics.Distributions;
using Mosel.Experiments.Errors;
using Mosel.Sim.Randomness;

namespace Mosel.Experiments.Datasets;

/// <summary>
/// Builds the spoken-and-written digits dataset: each utterance is a digit word spoken by espeak-ng with a random accent,
/// voice, speed and pitch; each of its samples places it at a random point of a one-second clip under white noise at a
/// random signal-to-noise ratio, and pairs it with a newly drawn image of the same digit. Utterances, not samples, are
/// split between train, validation and test, so no test sound was heard in training. Seeded: the same seed and
/// settings give the same samples on a machine with the same espeak-ng, sox and fonts.
/// </summary>
public static class DigitDatasetBuilder
{
    public static IReadOnlyList<string> Words { get; } = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Signal-to-noise ratios drawn from (dB): the low end buries some words, as the video's bar hides some digits.</summary>
    public const double MinSnrDb = -12;
    public const double MaxSnrDb = 12;

    public static IReadOnlyList<DigitSample> Build(DigitDatasetSettings settings, IReadOnlyList<string> fonts, Action<int, string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.UtterancesPerDigit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.SamplesPerUtterance, 1);
        if (fonts.Count == 0)
        {
            throw new EnvironmentException("no font to draw digits with (Debian packages fonts-dejavu-core, fonts-liberation)");
        }
        SpeechSynthesizer.RequireTools();
        Random voices = SeedStreams.Create((ulong)settings.Seed, "dataset-voices");
        var utterances = new List<(int Label, int Index, SpeechVoice Voice, string Split)>();
        for (int label = 0; label < Words.Count; label++)
        {
            int[] order = Enumerable.Range(0, settings.UtterancesPerDigit).ToArray();
            voices.Shuffle(order);
            // Utterance u's rank in the shuffled order decides its split.
            var rank = new int[order.Length];
            for (int r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }
            for (int u = 0; u < settings.UtterancesPerDigit; u++)
            {
                utterances.Add((label, utterances.Count, SpeechVoice.Draw(voices), DatasetSplit.Of(rank[u], settings.UtterancesPerDigit)));
            }
        }

        // The speech synthesis is the slow part (two programs per utterance): spread over the cores; the result does not depend on the order.
        var sounds = new float[utterances.Count][];
        int done = 0;
        Parallel.For(0, utterances.Count, i =>
        {
            sounds[i] = SpeechSynthesizer.Speak(Words[utterances[i].Label], utterances[i].Voice);
            progress?.Invoke(utterances.Count, $"spoke {Interlocked.Increment(ref done)} of {utterances.Count} utterances");
        });

        var samples = new List<DigitSample>();
        foreach (var utterance in utterances)
        {
            for (int k = 0; k < settings.SamplesPerUtterance; k++)
            {
                int id = samples.Count;
                Random random = SeedStreams.Create((ulong)settings.Seed, $"dataset-sample-{id}");
                (float[] clip, double snr, double offset) = Clip(sounds[utterance.Index], random);
                DigitImageStyle style = DigitImageStyle.Draw(random, fonts);
                samples.Add(new DigitSample(id, utterance.Split, utterance.Label, utterance.Index, utterance.Voice, snr, offset, style,
                    LogMelSpectrogram.Compute(clip), DigitImageRenderer.Render(utterance.Label, style, random)));
            }
        }
        return samples;
    }

    /// <summary>The word at a random offset of a one-second clip (its middle second if longer), under white noise at a random SNR.</summary>
    private static (float[] Clip, double SnrDb, double OffsetSeconds) Clip(float[] word, Random random)
    {
        var clip = new float[LogMelSpectrogram.ClipSamples];
        int length = Math.Min(word.Length, clip.Length);
        int from = (word.Length - length) / 2;
        int offset = random.Next(clip.Length - length + 1);
        word.AsSpan(from, length).CopyTo(clip.AsSpan(offset));
        double power = 0;
        for (int i = from; i < from + length; i++)
        {
            power += word[i] * (double)word[i];
        }
        power /= length;
        double snr = MinSnrDb + (random.NextDouble() * (MaxSnrDb - MinSnrDb));
        double noiseStd = Math.Sqrt(power / Math.Pow(10, snr / 10));
        for (int i = 0; i < clip.Length; i++)
        {
            clip[i] += (float)Normal.Sample(random, 0, noiseStd);
        }
        return (clip, snr, (double)offset / SpeechSynthesizer.SampleRate);
    }
}
