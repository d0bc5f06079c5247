using System.Security.Cryptography;
using System.Text.Json;

namespace Mosel.Experiments.Tests;

public sealed class ProvenanceTests
{
    /// <summary>
    /// A results folder names every input by absolute path with its SHA-256, and its config.resolved.yaml re-runs after the
    /// folder is moved (from another working directory), giving the same files.
    /// </summary>
    [Fact]
    public void AMovedResultsFolderReRunsFromItsResolvedConfigAndNamesItsInputs()
    {
        using var scratch = new Scratch();
        string first = scratch.Combine("first");
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", first,
            "--set", "seeds=[1]", "--set", "workload.loads_qps=[40]", "--set", "scheduler.decision_time=none", "--set", "output.job_records=false");
        Assert.Equal((0, ""), (code, error));

        using JsonDocument provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "provenance.json")));
        JsonElement[] inputs = provenance.RootElement.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(["config", "profile", "trace"], inputs.Select(i => i.GetProperty("role").GetString()));
        foreach (JsonElement input in inputs)
        {
            string path = input.GetProperty("path").GetString()!;
            Assert.True(Path.IsPathRooted(path), path);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), input.GetProperty("sha256").GetString());
        }
        Assert.Contains("simulate", provenance.RootElement.GetProperty("command_line").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(provenance.RootElement.GetProperty("mosel_version").GetString()));

        string moved = scratch.Combine("elsewhere/moved");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(first, moved);
        string again = scratch.Combine("again");
        (code, _, error) = CliRunner.Run("simulate", "--config", Path.Combine(moved, "config.resolved.yaml"), "--out", again);
        Assert.Equal((0, ""), (code, error));
        foreach (string file in new[] { "summary.csv", "windows.csv", "aggregate.csv", "job_accuracy.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(moved, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), $"{file} differs after the re-run");
        }
    }
}
