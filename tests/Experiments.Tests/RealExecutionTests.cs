using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Profiling;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Tests;

/// <summary>Real forward passes on the CPU (tiny models), as CI runs them.</summary>
public sealed class RealExecutionTests
{
    [Fact]
    public void TheProfilerWritesAProfileTheSimulatorAccepts()
    {
        using var scratch = new Scratch();
        LibTorchStatus status = LibTorchLoader.Load(TorchDevice.Cpu);
        ModelProfile measured = ProfileMeasurement.Measure(new ProfileRequest("vilt", ZooScale.Tiny, TorchDevice.Cpu, [1, 2, 4], [Precision.Fp32], 10, 2, WeightNameMap.Identity), status, null, out var outOfMemory);
        Assert.Empty(outOfMemory);
        string path = scratch.Combine("vilt.yaml");
        ProfileFile.Save(measured, "test", path);

        ModelProfile loaded = ProfileFile.Load(path);
        Assert.Equal(["image+text", "image", "text"], loaded.Configurations.Select(c => c.Name));
        Assert.Equal(4, loaded.MaxBatchSize);
        Assert.True(loaded.Metric.Approximate, "ViLT accuracies are approximate and must say so");
        Assert.Contains("mosel profile", loaded.Provenance, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 3), c => Assert.True(loaded.Table(Precision.Fp32, c).Seconds(1) > 0));
        // On the CPU the peak resident memory is recorded per point: at least the model and the runtime.
        Assert.All(Enumerable.Range(0, 3), c => Assert.True(loaded.Table(Precision.Fp32, c).PeakMemoryBytes(4) > 50e6));

        string config = scratch.File("sim.yaml", $"""
            profile: {path}
            policies: [none, dynamic]
            workload:
              arrivals: poisson
              loads_qps: [200]
              duration_s: 5
              job_size: {"{"}distribution: normal, mean: 1, std: 6, max: 4{"}"}
              accuracy_target: {"{"}min: 0.7, max: 0.8{"}"}
            """);
        IReadOnlyList<RunOutcome> outcomes = ExperimentRunner.Run(ConfigLoader.Load(config));
        Assert.All(outcomes, o => Assert.True(o.Result.Summary.ConservationHolds));
    }

    [Fact]
    public void WerProfilesBecomeScoresExplicitly()
    {
        (AccuracyMetric metric, Dictionary<string, double> values) = PublishedAccuracy.Load(Repo.PathOf("profiles/accuracy"), "auto-avsr-lrs3");
        Assert.False(metric.HigherIsBetter);
        Assert.Equal(19.1, values["video"]);
        Assert.Equal(1 - 0.191, metric.ToScore(values["video"]), 12);
    }

    [Fact]
    public void AVirtualClockReplayWithRealForwardPassesKeepsEveryJob()
    {
        ExperimentConfig config = ConfigLoader.Load(Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml"),
            ["workload.trace.duration_s=8", "workload.loads_qps=[300]"]);
        Assert.NotNull(config.Torch);
        IReadOnlyList<RunOutcome> outcomes = ExperimentRunner.Run(config);
        foreach (RunOutcome outcome in outcomes)
        {
            RunSummary s = outcome.Result.Summary;
            Assert.True(s.ConservationHolds);
            Assert.True(s.SubmittedRequests > 2000, $"only {s.SubmittedRequests} requests");
            Assert.True(s.MetRequests > 0);
            Assert.Equal(1.0, s.ShareJobsMeetingTarget);
        }
    }

    [Fact]
    public void RealExecutionBadInputIsClear()
    {
        (int code, _, string error) = CliRunner.Run("profile", "--model", "gpt", "--out", Path.Combine(Path.GetTempPath(), "never.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("'gpt' is not in the zoo", error);

        using var scratch = new Scratch();
        string custom = scratch.File("custom.yaml", File.ReadAllText(Repo.PathOf("profiles/tvlt.cpu-tiny.yaml")).Replace("model: tvlt", "model: custom", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml"), "--set", $"profile={custom}",
            "--out", scratch.Combine("never"));
        Assert.Equal(2, code);
        Assert.Contains("executor.kind: torch execution runs the zoo model named by the profile, but 'custom' is not in the zoo", error);
        Assert.False(Directory.Exists(scratch.Combine("never")));
    }

    [Fact]
    public void CudaOnAMachineWithoutAGpuIsOneLine()
    {
        Assert.SkipWhen(LibTorchLoader.Load(TorchDevice.Cpu).CudaAvailable, "a CUDA device is present; this checks the error on a machine without one");
        (int code, _, string error) = CliRunner.Run("doctor", "--device", "cuda");
        // A fresh process lists every candidate it tried; once a CPU libtorch is loaded, it says so instead.
        Assert.Equal(2, code);
        Assert.True(error.Contains("no usable libtorch for CUDA. Tried:", StringComparison.Ordinal) ||
            error.Contains("CUDA was asked for, but the libtorch already loaded", StringComparison.Ordinal), error);

        using var scratch = new Scratch();
        (code, _, error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml"), "--device", "cuda",
            "--out", scratch.Combine("never"));
        Assert.Equal(2, code);
        Assert.Contains("executor.device: ", error);
        Assert.Contains("CUDA", error);
        Assert.False(Directory.Exists(scratch.Combine("never")));
    }
}
