using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Training;
using YamlDotNet.RepresentationModel;

namespace Mosel.Experiments.Tests;

public sealed class TrainingTests
{
    /// <summary>140 samples (7 utterances a digit, 2 samples each) built by mosel dataset build and committed, so these tests need no speech programs.</summary>
    private static readonly string s_sample = RepoPaths.Resolve("tests/data/digits-sample");

    [Fact]
    public void TheWilsonIntervalMatchesTheTextbookValues()
    {
        // 10 of 10 correct gives [0.7225, 1] (the textbook example); 0 of 10 gives [0, 0.2775]; 394 of 450 computed by hand.
        Assert.Equal(0.7225, new ConfigurationAccuracy("a", 10, 10).Interval95.Low, 4);
        Assert.Equal(1.0, new ConfigurationAccuracy("a", 10, 10).Interval95.High, 12);
        Assert.Equal(0.0, new ConfigurationAccuracy("a", 0, 10).Interval95.Low, 12);
        Assert.Equal(0.2775, new ConfigurationAccuracy("a", 0, 10).Interval95.High, 4);
        (double low, double high) = new ConfigurationAccuracy("a", 394, 450).Interval95;
        Assert.Equal(0.841842, low, 6);
        Assert.Equal(0.902911, high, 6);
    }

    [Fact]
    public void TrainWritesMoselWeightsThatProfileMeasuresTheAccuracyOf()
    {
        using var scratch = new Scratch();
        string weights = scratch.Combine("digits.safetensors");
        (int code, string output, string error) = CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "2", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("trained 2 epochs", output);
        LibTorchLoader.Load(TorchDevice.Cpu);
        IReadOnlyDictionary<string, string> metadata = SafetensorsFile.ReadMetadata(weights);
        Assert.Equal("mosel train", metadata["written_by"]);
        Assert.Equal("av-digits", metadata["model"]);
        // A second run may replace Mosel's own weights file.
        Assert.Equal(0, CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "1").ExitCode);

        string profile = scratch.Combine("digits.yaml");
        (code, _, error) = CliRunner.Run("profile", "--model", "av-digits", "--scale", "tiny", "--weights", weights, "--accuracy", "--dataset", s_sample,
            "--out", profile, "--batch-sizes", "1,2", "--runs", "2", "--warmups", "1");
        Assert.True(code == 0, error);

        // The profile's accuracies are exactly what the model scores on the test split, configuration by configuration.
        using ZooModel model = ModelZoo.Load("av-digits", ZooScale.Tiny, weights);
        using DigitSplit test = DigitDataset.Load(s_sample, DatasetSplit.Test);
        IReadOnlyList<ConfigurationAccuracy> expected = AccuracyMeasurement.Measure(model, test);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(profile)));
        var accuracy = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["accuracy"];
        var values = (YamlMappingNode)accuracy["values"];
        Assert.Equal(3, values.Children.Count);
        foreach (ConfigurationAccuracy a in expected)
        {
            Assert.Equal(Math.Round(a.Accuracy, 6), double.Parse(((YamlScalarNode)values[a.Configuration]).Value!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains($"{a.Configuration} {a.Correct}/{a.Samples} [", ((YamlScalarNode)accuracy["source"]).Value);
        }
        Assert.Contains("accuracy (digits test split, 20 samples)", ((YamlScalarNode)accuracy["metric"]).Value);
    }

    [Fact]
    public void BadTrainingAndAccuracyInputsAreOneLine()
    {
        using var scratch = new Scratch();
        string mine = scratch.File("mine.safetensors", "a user's file");
        (int code, _, string error) = CliRunner.Run("train", "--dataset", s_sample, "--out", mine, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains("was not written by mosel train", error);
        Assert.Equal("a user's file", File.ReadAllText(mine));

        (code, _, error) = CliRunner.Run("train", "--dataset", s_sample, "--out", scratch.Combine("w.bin"));
        Assert.Equal(2, code);
        Assert.Contains("name the file *.safetensors", error);

        (code, _, error) = CliRunner.Run("train", "--dataset", scratch.Path, "--out", scratch.Combine("w.safetensors"));
        Assert.Equal(2, code);
        Assert.Contains("not a Mosel digits dataset", error);

        (code, _, error) = CliRunner.Run("profile", "--model", "av-digits", "--scale", "tiny", "--out", scratch.Combine("p.yaml"));
        Assert.Equal(2, code);
        Assert.Equal("error: --model: av-digits has no published accuracy table; measure it with --accuracy --dataset DIR --weights FILE", error.Trim());

        (code, _, error) = CliRunner.Run("profile", "--model", "av-digits", "--scale", "tiny", "--accuracy", "--out", scratch.Combine("p.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("--accuracy: needs --dataset DIR", error);
        Assert.False(File.Exists(scratch.Combine("p.yaml")));
        Assert.False(File.Exists(scratch.Combine("w.safetensors")));
    }
}
