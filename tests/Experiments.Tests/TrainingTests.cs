using Mosel.Executor.Datasets;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Training;
using Mosel.Executor.Weights;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Safety;
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
        // A line per epoch as it ends (a log shows them), the stop reason printed and kept with the weights, and libtorch's
        // OpenMP threads waiting passively (the test run sets no OMP_WAIT_POLICY).
        Assert.Matches(@"(?m)^epoch 1/2: loss \d+\.\d{3}, validation audio\+video \d+\.\d %, audio \d+\.\d %, video \d+\.\d %, \d+\.\d s", output);
        Assert.Matches(@"(?m)^epoch 2/2: loss ", output);
        Assert.Contains("OpenMP waiting passive", output);
        Assert.Contains("stopped at the epoch limit", output);
        Assert.Equal("epoch limit", metadata["stopped"]);
        // A second run may replace Mosel's own weights file.
        Assert.Equal(0, CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "1").ExitCode);

        string profile = scratch.Combine("digits.yaml");
        // --keep-inverted: two timed runs on a shared test machine may well measure a subset dearer than both modalities.
        (code, _, error) = CliRunner.Run("profile", "--model", "av-digits", "--scale", "tiny", "--weights", weights, "--accuracy", "--dataset", s_sample,
            "--out", profile, "--batch-sizes", "1-32", "--runs", "2", "--warmups", "1", "--keep-inverted");
        Assert.True(code == 0, error);

        // Every latency comes with its runs' quartiles.
        Assert.All(ProfileFile.Load(profile).Configurations.Select((_, c) => ProfileFile.Load(profile).Table(Sim.Profiles.Precision.Fp32, c)), table =>
            Assert.All(table.QuartilesMs!.Value.Q1.Zip(table.QuartilesMs!.Value.Q3), q => Assert.True(q.First <= q.Second)));

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

        // The counts and intervals are machine-readable too, read back by the loader, which refuses a count that does not give the value.
        Sim.Profiles.ModelProfile loaded = ProfileFile.Load(profile);
        foreach (ConfigurationAccuracy a in expected)
        {
            Sim.Profiles.AccuracyCount count = loaded.Metric.Measured[a.Configuration];
            Assert.Equal((a.Correct, a.Samples), (count.Correct, count.Samples));
            Assert.Equal(Math.Round(a.Interval95.Low, 6), count.Low95, 12);
            Assert.Equal(Math.Round(a.Interval95.High, 6), count.High95, 12);
        }
        // The interval over utterances counts the test split's utterances (label and utterance in samples.csv, by hand) and
        // holds the same share; the source gives every digit's accuracy.
        string[][] rows = [.. File.ReadAllLines(Path.Combine(s_sample, "samples.csv")).Select(l => l.Split(','))];
        int utterances = rows.Skip(1).Where(r => r[1] == "test").Select(r => (r[2], r[4])).Distinct().Count();
        foreach (ConfigurationAccuracy a in expected)
        {
            Sim.Profiles.AccuracyCount count = loaded.Metric.Measured[a.Configuration];
            Assert.Equal(utterances, count.Clusters);
            (double low, double high) = count.Clustered95!.Value;
            Assert.True(low <= a.Accuracy && a.Accuracy <= high, $"{a.Configuration}: [{low}, {high}] and {a.Accuracy}");
            Assert.Contains($"{a.Configuration}: zero ", loaded.Metric.Source);
        }
        string text = File.ReadAllText(profile);
        int samples = expected[0].Samples;
        string broken = scratch.File("broken.yaml", text.Replace($"samples: {samples}", $"samples: {samples * 2}"));
        ConfigException refused = Assert.Throws<ConfigException>(() => ProfileFile.Load(broken));
        Assert.StartsWith($"{broken}: accuracy.measured.audio+video: {expected[0].Correct}/{samples * 2} is ", refused.Message);
        // The clustered interval's three keys go together, its clusters cannot outnumber the samples, and its bounds are ordered.
        string lone = scratch.File("lone.yaml", string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("clustered_high95:", StringComparison.Ordinal))));
        Assert.EndsWith("accuracy.measured.audio+video: clusters, clustered_low95 and clustered_high95 go together: give all three or none",
            Assert.Throws<ConfigException>(() => ProfileFile.Load(lone)).Message);
        string many = scratch.File("many.yaml", text.Replace($"clusters: {utterances}", $"clusters: {samples + 1}", StringComparison.Ordinal));
        Assert.EndsWith($"accuracy.measured.audio+video.clusters: must be between 1 and the samples ({samples}), found {samples + 1}",
            Assert.Throws<ConfigException>(() => ProfileFile.Load(many)).Message);

        ScoredRunsCountEveryFinishedRequest(scratch, profile, weights, expected);
    }

    /// <summary>
    /// --resume needs a checkpoint of this --out made with the same dataset, seed and scale; a folder at OUT.checkpoint
    /// that mosel train did not write is never replaced. Each is one line, exit 2, and nothing is written.
    /// </summary>
    [Fact]
    public void ResumeNeedsACheckpointOfTheSameRun()
    {
        using var scratch = new Scratch();
        string weights = scratch.Combine("w.safetensors");
        (int code, _, string error) = CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "1", "--resume");
        Assert.Equal((2, $"error: --resume: no checkpoint at {weights}.checkpoint (mosel train keeps one after every epoch of a run with this --out)"), (code, error.Trim()));

        // A checkpoint as an interrupted run leaves it: made here through the trainer, with seed 1.
        LibTorchLoader.Load(TorchDevice.Cpu);
        using (DigitSplit train = DigitDataset.Load(s_sample, DatasetSplit.Train))
        using (DigitSplit validation = DigitDataset.Load(s_sample, DatasetSplit.Validation))
        {
            DigitsTrainer.Train(ZooScale.Tiny, train, validation, TrainingSettings.Default with { MaxEpochs = 1 }, checkpointFolder: weights + ".checkpoint").Model.Dispose();
        }
        (code, _, error) = CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "2", "--seed", "2", "--resume");
        Assert.Equal((2, $"error: --resume: {weights}.checkpoint: the checkpoint was made with seed 1, this run has 2"), (code, error.Trim()));
        Assert.False(File.Exists(weights));
        (code, string output, error) = CliRunner.Run("train", "--dataset", s_sample, "--out", weights, "--epochs", "2", "--resume");
        Assert.True(code == 0, error);
        Assert.Contains("epoch 2/2", output);
        Assert.DoesNotContain("epoch 1/2", output);
        Assert.Equal([weights], Directory.GetFileSystemEntries(scratch.Path));

        string foreign = scratch.File("x.safetensors.checkpoint/notes.txt", "mine");
        (code, _, error) = CliRunner.Run("train", "--dataset", s_sample, "--out", scratch.Combine("x.safetensors"), "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains("x.safetensors.checkpoint exists and is not a checkpoint of mosel train", error);
        Assert.Equal("mine", File.ReadAllText(foreign));
    }

    /// <summary>
    /// The shipped scored-run config on the profile, weights and dataset made here: every finished request is scored,
    /// summary.csv's measured accuracy is the jobs' right answers over their sizes, and the all-modality baseline measures
    /// what the profile says a+v scores (its requests take the test samples evenly), within four sampling deviations.
    /// </summary>
    private static void ScoredRunsCountEveryFinishedRequest(Scratch scratch, string profile, string weights, IReadOnlyList<ConfigurationAccuracy> measured)
    {
        // Targets between the worst and the best configuration: dynamic mixes them, none serves audio+video.
        string low = measured.Min(m => m.Accuracy).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string high = measured.Max(m => m.Accuracy).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string results = scratch.Combine("scored");
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/digits-measured.yaml"), "--out", results,
            "--set", $"profile={profile}", "--set", $"executor.weights={weights}", "--set", $"executor.dataset={s_sample}",
            "--set", "workload.trace.duration_s=3", "--set", "workload.loads_qps=[40, 60]", "--set", "output.records_format=csv",
            "--set", $"workload.accuracy_target.min={low}", "--set", $"workload.accuracy_target.max={high}");
        Assert.True(code == 0, error);
        Assert.Contains("Measured accuracy: each request", output);
        Dictionary<string, string>[] runs = Rows(Path.Combine(results, "summary.csv"));
        Dictionary<string, string>[] jobs = Rows(Path.Combine(results, "jobs.csv"));
        Assert.Equal(4, runs.Length);
        foreach (Dictionary<string, string> run in runs)
        {
            Dictionary<string, string>[] finished = jobs.Where(j => j["run_id"] == run["run_id"] && j["outcome"] is "met" or "late").ToArray();
            long requests = long.Parse(run["met_requests"]) + long.Parse(run["late_requests"]);
            // How many finish depends on the latencies profiled just now, on whatever else this machine runs.
            Assert.True(requests > 0, $"{run["policy"]}: no request finished");
            Assert.Equal(requests, long.Parse(run["scored_requests"]));
            long right = finished.Sum(j => long.Parse(j["correct_requests"]));
            Assert.Equal((double)right / requests, Number(run["measured_served_accuracy"]), 12);
            Assert.Equal(finished.Count(j => long.Parse(j["correct_requests"]) >= Number(j["target_accuracy"]) * long.Parse(j["size"]) - 1e-9) / (double)finished.Length,
                Number(run["share_jobs_meeting_target_measured"]), 12);
            Assert.InRange(Number(run["share_jobs_meeting_target_expected"]), 0, 1);
        }
        // The report draws predicted beside measured accuracy, and the measured beside the expected share at target.
        (code, _, error) = CliRunner.Run("report", results);
        Assert.True(code == 0, error);
        string[] figure = File.ReadAllLines(Path.Combine(results + "-report", "figures", "served_accuracy_measured_vs_load_qps.csv"));
        Assert.Equal("policy,load_qps,metric,mean,ci95,seeds", figure[0]);
        foreach (Dictionary<string, string> run in runs)
        {
            // One seed: the mean is the run's value, and it has no interval.
            Assert.Contains($"{run["policy"]},{run["load_qps"]},measured_served_accuracy,{run["measured_served_accuracy"]},,1", figure);
            Assert.Contains($"{run["policy"]},{run["load_qps"]},mean_served_accuracy,{run["mean_served_accuracy"]},,1", figure);
        }
        Assert.True(File.Exists(Path.Combine(results + "-report", "figures", "share_jobs_meeting_target_measured_vs_load_qps.png")));

        // On the validation split (samples the profile never saw) the run scores as many requests as it finishes, too.
        string heldOut = scratch.Combine("validation");
        (code, _, error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/digits-measured.yaml"), "--out", heldOut,
            "--set", $"profile={profile}", "--set", $"executor.weights={weights}", "--set", $"executor.dataset={s_sample}", "--set", "executor.dataset_split=validation",
            "--set", "workload.trace.duration_s=2", "--set", "workload.loads_qps=[60]", "--set", "policies=[none]");
        Assert.True(code == 0, error);
        Dictionary<string, string> validation = Rows(Path.Combine(heldOut, "summary.csv")).Single();
        Assert.Equal(long.Parse(validation["met_requests"]) + long.Parse(validation["late_requests"]), long.Parse(validation["scored_requests"]));
        Assert.Contains("validation.safetensors", File.ReadAllText(Path.Combine(heldOut, "provenance.json")));

        double predicted = measured.Single(m => m.Configuration == "audio+video").Accuracy;
        foreach (Dictionary<string, string> none in runs.Where(r => r["policy"] == "none"))
        {
            Assert.Equal(predicted, Number(none["mean_served_accuracy"]), 6);
            Assert.InRange(Number(none["measured_served_accuracy"]), predicted - (4 * Number(none["measured_served_accuracy_sd"])),
                predicted + (4 * Number(none["measured_served_accuracy_sd"])));
        }
    }

    private static Dictionary<string, string>[] Rows(string csv)
    {
        string[][] lines = File.ReadLines(csv).Select(l => l.Split(',')).ToArray();
        return lines.Skip(1).Select(l => lines[0].Zip(l).ToDictionary(p => p.First, p => p.Second)).ToArray();
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

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

    [Theory]
    [InlineData(9, 5760)]
    [InlineData(414, 450)]
    public void AMeasuredCountReadsBackWhateverWayItsValueRounded(int correct, int samples)
    {
        // 9/5760 = 0.0015625 has a half in the seventh place: rounded to six it lies 5e-7 away, on either side in floating point.
        double value = Math.Round((double)correct / samples, 6);
        var document = new ProfileDocument
        {
            Model = "m",
            Modalities = ["a"],
            Accuracy = new AccuracyDocument
            {
                Values = new Dictionary<string, double> { ["a"] = value },
                Measured = new Dictionary<string, MeasuredAccuracyDocument> { ["a"] = new() { Correct = correct, Samples = samples, Low95 = 0, High95 = 1 } },
            },
            Latency = new Dictionary<string, Dictionary<string, LatencyDocument>>
            {
                ["fp32"] = new() { ["a"] = new LatencyDocument { BatchSizes = [1, 32], LatencyMs = [1, 2] } },
            },
        };
        Assert.Equal(correct, ProfileFile.ToProfile(document).Metric.Measured["a"].Correct);
    }
}
