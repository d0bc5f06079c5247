using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Mosel.Experiments.Datasets;

/// <summary>
/// The audio features: a log mel spectrogram of a one-second 8 kHz clip, <see cref="Frames"/> frames of 32 ms (Hann
/// window, hop 31 ms) by <see cref="Bands"/> triangular mel bands between 0 and 4 kHz, each value ln(energy + 1e-6).
/// </summary>
public static class LogMelSpectrogram
{
    public const int Frames = 32;
    public const int Bands = 32;
    public const int ClipSamples = SpeechSynthesizer.SampleRate;
    private const int FrameLength = 256;
    private const int Hop = 248;
    private static readonly double[] s_window = MathNet.Numerics.Window.Hann(FrameLength);
    private static readonly double[][] s_filters = MelFilters();

    /// <summary>Features of a clip of <see cref="ClipSamples"/> samples, frame by frame ([Frames × Bands], row-major).</summary>
    public static float[] Compute(ReadOnlySpan<float> clip)
    {
        if (clip.Length != ClipSamples)
        {
            throw new ArgumentException($"a clip has {ClipSamples} samples, found {clip.Length}", nameof(clip));
        }
        var features = new float[Frames * Bands];
        var spectrum = new Complex[FrameLength];
        var power = new double[(FrameLength / 2) + 1];
        for (int f = 0; f < Frames; f++)
        {
            for (int i = 0; i < FrameLength; i++)
            {
                spectrum[i] = new Complex(clip[(f * Hop) + i] * s_window[i], 0);
            }
            Fourier.Forward(spectrum, FourierOptions.AsymmetricScaling);
            for (int k = 0; k < power.Length; k++)
            {
                power[k] = spectrum[k].Magnitude * spectrum[k].Magnitude;
            }
            for (int b = 0; b < Bands; b++)
            {
                double energy = 0;
                for (int k = 0; k < power.Length; k++)
                {
                    energy += s_filters[b][k] * power[k];
                }
                features[(f * Bands) + b] = (float)Math.Log(energy + 1e-6);
            }
        }
        return features;
    }

    /// <summary>The centre frequency of mel band <paramref name="band"/>, in Hz.</summary>
    public static double CentreHz(int band) => MelToHz(HzToMel(SpeechSynthesizer.SampleRate / 2.0) * (band + 1) / (Bands + 1));

    private static double HzToMel(double hz) => 2595 * Math.Log10(1 + (hz / 700));

    private static double MelToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);

    /// <summary>Triangular filters on the FFT bins, equally spaced in mel, each peaking at 1 on its centre.</summary>
    private static double[][] MelFilters()
    {
        int bins = (FrameLength / 2) + 1;
        double binHz = (double)SpeechSynthesizer.SampleRate / FrameLength;
        var filters = new double[Bands][];
        for (int b = 0; b < Bands; b++)
        {
            double low = b == 0 ? 0 : CentreHz(b - 1);
            double centre = CentreHz(b);
            double high = b == Bands - 1 ? SpeechSynthesizer.SampleRate / 2.0 : CentreHz(b + 1);
            filters[b] = new double[bins];
            for (int k = 0; k < bins; k++)
            {
                double hz = k * binHz;
                filters[b][k] = hz <= low || hz >= high ? 0 : hz <= centre ? (hz - low) / (centre - low) : (high - hz) / (high - centre);
            }
        }
        return filters;
    }
}
