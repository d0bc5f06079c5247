using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;

namespace Mosel.Experiments.Tests;

/// <summary>A public checkpoint's names mapped onto a zoo model: listed, matched, and used by a run through executor.weights_map.</summary>
public sealed class WeightsCommandTests
{
    [Fact]
    public void ACheckpointWithPrefixedNamesFitsOnlyWithTheRename()
    {
        using var scratch = new Scratch();
        LibTorchLoader.Load(TorchDevice.Cpu);
        string checkpoint = scratch.Combine("tvlt.safetensors");
        int tensors;
        using (ZooModel source = ModelZoo.Create("tvlt", ZooScale.Tiny))
        {
            tensors = SafetensorsWeights.Names(source).Count;
            SafetensorsFile.Write(checkpoint, source.state_dict().Select(kv => ("model." + kv.Key, kv.Value)).ToList());
        }

        (int code, string output, string error) = CliRunner.Run("weights", "names", "--model", "tvlt", "--scale", "tiny");
        Assert.True(code == 0, error);
        Assert.Contains($"{tensors} tensors", output);
        (code, output, _) = CliRunner.Run("weights", "names", "--file", checkpoint);
        Assert.Equal(0, code);
        Assert.Contains("model.", output);
        Assert.Contains("F32", output);

        (code, output, _) = CliRunner.Run("weights", "names", "--model", "tvlt", "--scale", "tiny", "--file", checkpoint);
        Assert.Equal(1, code);
        Assert.Contains($"0 of {tensors} model tensors filled; {2 * tensors} problems:", output);
        Assert.Equal(tensors, output.Split('\n').Count(l => l.StartsWith($"{checkpoint}: no tensor for the model's", StringComparison.Ordinal)));
        (code, output, _) = CliRunner.Run("weights", "names", "--model", "tvlt", "--scale", "tiny", "--file", checkpoint, "--map", "model.=");
        Assert.Equal(0, code);
        Assert.Contains($"the checkpoint fills all {tensors} tensors of tvlt: it loads", output);

        // A run loads the same checkpoint through executor.weights_map; without it the run is refused in one line.
        string config = Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml");
        (code, _, error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("mapped"), "--set", $"executor.weights={checkpoint}",
            "--set", "executor.weights_map=[model.=]", "--set", "workload.trace.duration_s=2", "--set", "policies=[none]", "--set", "executor.warmup=false");
        Assert.True(code == 0, error);
        // mosel fidelity re-measures the profile with the same checkpoint, through the same renames.
        (code, _, error) = CliRunner.Run("fidelity", "--config", config, "--out", scratch.Combine("fidelity"), "--set", $"executor.weights={checkpoint}",
            "--set", "executor.weights_map=[model.=]", "--set", "workload.trace.duration_s=2", "--set", "policies=[none]", "--set", "executor.warmup=false");
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(scratch.Combine("fidelity"), "profile.measured.yaml")));
        (code, _, error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("unmapped"), "--set", $"executor.weights={checkpoint}");
        Assert.Equal(2, code);
        Assert.Contains("no tensor for the model's", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(scratch.Combine("unmapped")));
    }

    [Theory]
    [InlineData(new[] { "weights", "names", "--model", "tvlt", "--map", "model." }, "--map: 'model.' is not a rename: write FROM=TO")]
    [InlineData(new[] { "weights", "names" }, "--model or --file: name a zoo model, a .safetensors checkpoint, or both")]
    [InlineData(new[] { "weights", "names", "--model", "tvlt", "--map", "model.=" }, "--map: renames a checkpoint's tensors onto a model's, so it needs both --model and --file")]
    [InlineData(new[] { "weights", "names", "--model", "gpt" }, "--model: 'gpt' is not in the zoo")]
    [InlineData(new[] { "profile", "--model", "tvlt", "--scale", "tiny", "--weights-map", "model.=", "--out", "/tmp/never-written.yaml" },
        "--weights-map: renames a .safetensors checkpoint's tensors, so it needs --weights FILE.safetensors")]
    public void BadWeightsOptionsAreOneLine(string[] args, string message)
    {
        (int code, _, string error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists("/tmp/never-written.yaml"));
    }

    [Theory]
    [InlineData("experiments/configs/smoke.yaml", "executor.weights_map=[model.=]", "executor.weights_map: renames a checkpoint's tensors, so it needs executor.kind: torch")]
    [InlineData("experiments/configs/torch-cpu-smoke.yaml", "executor.dataset_split=train", "executor.dataset_split: must be 'test' or 'validation', found 'train'")]
    [InlineData("experiments/configs/torch-cpu-smoke.yaml", "executor.weights_map=[model.=]", "executor.weights_map: renames a .safetensors checkpoint's tensors, so it needs executor.weights: FILE.safetensors")]
    public void AWeightsMapNeedsASafetensorsCheckpoint(string config, string setting, string message)
    {
        using var scratch = new Scratch();
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf(config), "--out", scratch.Combine("r"), "--set", setting);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }
}
