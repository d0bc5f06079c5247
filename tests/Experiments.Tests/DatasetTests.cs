using System.Globalization;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Datasets;
using static TorchSharp.torch;

namespace Mosel.Experiments.Tests;

public sealed class DatasetTests
{
    [Fact]
    public void APureToneLightsTheMelBandAroundItsFrequency()
    {
        // 1 kHz at 8 kHz sampling: in every frame the strongest band must be the one whose centre is nearest 1 kHz (both
        // neighbours' triangles fall to zero at that centre), and the frames are alike (the tone is stationary).
        var clip = new float[LogMelSpectrogram.ClipSamples];
        for (int i = 0; i < clip.Length; i++)
        {
            clip[i] = (float)Math.Sin(2 * Math.PI * 1000 * i / SpeechSynthesizer.SampleRate);
        }
        float[] features = LogMelSpectrogram.Compute(clip);
        int nearest = Enumerable.Range(0, LogMelSpectrogram.Bands).MinBy(b => Math.Abs(LogMelSpectrogram.CentreHz(b) - 1000));
        for (int f = 0; f < LogMelSpectrogram.Frames; f++)
        {
            float[] frame = features.AsSpan(f * LogMelSpectrogram.Bands, LogMelSpectrogram.Bands).ToArray();
            Assert.Equal(nearest, Array.IndexOf(frame, frame.Max()));
            Assert.Equal(features[nearest], frame[nearest], 3);
        }
        Assert.Throws<ArgumentException>(() => LogMelSpectrogram.Compute(new float[100]));
    }

    [Fact]
    public void DigitImagesAreDrawnDeterministicallyAndDifferByDigit()
    {
        IReadOnlyList<string> fonts = DigitImageRenderer.Fonts();
        if (fonts.Count == 0)
        {
            Assert.Skip("no DejaVu or Liberation font installed (fonts-dejavu-core, fonts-liberation)");
        }
        var plain = new DigitImageStyle(fonts[0], 20, 0, 0, 0, 0, 0, false, 0);
        byte[] one = DigitImageRenderer.Render(1, plain, new Random(1));
        byte[] oneAgain = DigitImageRenderer.Render(1, plain, new Random(1));
        byte[] eight = DigitImageRenderer.Render(8, plain, new Random(1));
        Assert.Equal(DigitImageRenderer.Side * DigitImageRenderer.Side, one.Length);
        Assert.Equal(one, oneAgain);
        // An 8 has more ink than a 1; both have some, and the border stays dark without clutter or noise.
        Assert.True(eight.Sum(b => b) > one.Sum(b => b) * 1.3, "an 8 should have clearly more ink than a 1");
        Assert.True(one.Max() > 200);
        Assert.All(Enumerable.Range(0, DigitImageRenderer.Side), x => Assert.Equal(0, one[x]));
    }

    [Fact]
    public void TheBuildIsBalancedSplitByUtteranceAndTheSameForTheSameSeed()
    {
        if (SpeechSynthesizer.Missing() is { } missing)
        {
            Assert.True(Environment.GetEnvironmentVariable("MOSEL_REQUIRE_SPEECH") != "1", $"MOSEL_REQUIRE_SPEECH=1 but {missing.Program} is not installed");
            Assert.Skip($"{missing.Program} is not installed (apt-get install {missing.Package}); .ci/run installs it");
        }
        using var scratch = new Scratch();
        string a = scratch.Combine("a");
        string b = scratch.Combine("b");
        string c = scratch.Combine("c");
        string[] small = ["--utterances", "4", "--samples-per-utterance", "2"];
        Assert.Equal(0, CliRunner.Run(["dataset", "build", "--out", a, .. small]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["dataset", "build", "--out", b, .. small]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["dataset", "build", "--out", c, "--seed", "2", .. small]).ExitCode);
        foreach (string split in DatasetSplit.All)
        {
            string file = DigitDatasetFiles.SplitFile(split);
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(c, file)));
        }
        Assert.Equal(File.ReadAllText(Path.Combine(a, "samples.csv")), File.ReadAllText(Path.Combine(b, "samples.csv")));

        // 4 utterances a digit: 3 train (70 %), 1 validation (15 %), 0 test; 2 samples each.
        LibTorchLoader.Load(TorchDevice.Cpu);
        int[] expected = [6, 2, 0];
        for (int s = 0; s < DatasetSplit.All.Count; s++)
        {
            Dictionary<string, Tensor> tensors = SafetensorsFile.Read(Path.Combine(a, DigitDatasetFiles.SplitFile(DatasetSplit.All[s])), out var metadata);
            Assert.Equal(DatasetSplit.All[s], metadata["split"]);
            long[] labels = tensors["label"].data<long>().ToArray();
            Assert.Equal(expected[s] * 10, labels.Length);
            Assert.All(Enumerable.Range(0, 10), digit => Assert.Equal(expected[s], labels.Count(l => l == digit)));
            Assert.Equal([labels.Length, LogMelSpectrogram.Frames, LogMelSpectrogram.Bands], tensors["audio"].shape);
            Assert.Equal([labels.Length, DigitImageRenderer.Side, DigitImageRenderer.Side], tensors["video"].shape);
            Assert.True(tensors["audio"].isfinite().all().item<bool>());
        }

        // No utterance is in two splits.
        string[][] rows = File.ReadAllLines(Path.Combine(a, "samples.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(80, rows.Length);
        Assert.All(rows.GroupBy(r => r[4]), g => Assert.Single(g.Select(r => r[1]).Distinct()));
        Assert.Contains("| train | 60 |", File.ReadAllText(Path.Combine(a, "datasheet.md")));
        Assert.True(File.Exists(Path.Combine(a, "preview", "images.png")));
        Assert.All(rows, r => Assert.InRange(double.Parse(r[9], CultureInfo.InvariantCulture), DigitDatasetBuilder.MinSnrDb, DigitDatasetBuilder.MaxSnrDb));
    }

    [Fact]
    public void BadSettingsAreOneLineAndWriteNothing()
    {
        using var scratch = new Scratch();
        string target = scratch.Combine("d");
        (int code, _, string error) = CliRunner.Run("dataset", "build", "--out", target, "--utterances", "0");
        Assert.Equal(2, code);
        Assert.Equal("error: --utterances: must be in [1, 10000], found 0", error.Trim());
        Assert.False(Directory.Exists(target));
        File.WriteAllText(scratch.Combine("mine.txt"), "a user's file");
        (code, _, error) = CliRunner.Run("dataset", "build", "--out", scratch.Combine("mine.txt"));
        Assert.Equal(2, code);
        Assert.Contains("not a Mosel results folder", error);
        Assert.Equal("a user's file", File.ReadAllText(scratch.Combine("mine.txt")));
    }

    /// <summary>A scored run on a test split that is empty or of the wrong shape is refused in one line before anything is written.</summary>
    [Theory]
    [InlineData(0, 32, "the test split of")]
    [InlineData(3, 16, "tensor 'audio' is Float32 [3, 16, 16]; expected Float32 [3, 32, 32]")]
    public void AnEmptyOrMisshapenTestSplitIsOneLine(int samples, int audioSide, string message)
    {
        using var scratch = new Scratch();
        string dataset = Directory.CreateDirectory(scratch.Combine("digits")).FullName;
        File.WriteAllText(Path.Combine(dataset, DigitDatasetFiles.Manifest), $$"""{"kind": "{{DigitDatasetFiles.Kind}}"}""");
        SafetensorsFile.Write(Path.Combine(dataset, DigitDatasetFiles.SplitFile(DatasetSplit.Test)),
        [
            (new SafetensorsEntry("audio", "F32", [samples, audioSide, audioSide]), new byte[samples * audioSide * audioSide * 4]),
            (new SafetensorsEntry("video", "U8", [samples, 28, 28]), new byte[samples * 28 * 28]),
            (new SafetensorsEntry("label", "I64", [samples]), new byte[samples * 8]),
            (new SafetensorsEntry("id", "I64", [samples]), new byte[samples * 8]),
        ]);
        string[] configurations = ["audio+video", "audio", "video"];
        var profile = Sim.Profiles.ModelProfile.Create("av-digits", ["audio", "video"], Sim.Profiles.AccuracyMetric.Default,
            configurations.ToDictionary(c => c, _ => 0.5),
            new Dictionary<Sim.Profiles.Precision, IReadOnlyDictionary<string, Sim.Profiles.LatencyTable>>
            {
                [Sim.Profiles.Precision.Fp32] = configurations.ToDictionary(c => c, c => Sim.Profiles.LatencyTable.Create(c, [1, 32], [1, 2])),
            },
            "test", "test");
        ProfileFile.Save(profile, "test", scratch.Combine("av-digits.yaml"));
        string config = scratch.File("scored.yaml", """
            profile: av-digits.yaml
            policies: [none]
            workload:
              arrivals: poisson
              loads_qps: [10]
              duration_s: 1
              accuracy_target: {min: 0.5, max: 0.5}
            executor: {kind: torch, device: cpu, scale: tiny, dataset: digits}
            """);
        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("results"));
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(scratch.Combine("results")));
    }
}
