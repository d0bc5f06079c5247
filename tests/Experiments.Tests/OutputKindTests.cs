namespace Mosel.Experiments.Tests;

/// <summary>
/// No command replaces another's data: a results folder is replaced only by the kind of command that wrote it, places
/// are compared with symbolic links resolved, and what a killed process left while replacing a folder is cleaned up.
/// </summary>
public sealed class OutputKindTests
{
    private static string Config(Scratch scratch) => scratch.File("config.yaml", $"""
        name: kinds
        profile: {Repo.PathOf("profiles/tvlt.h100-interim.yaml")}
        policies: [fp16]
        workload:
          arrivals: poisson
          loads_qps: [20]
          duration_s: 5
        """);

    private static void Simulate(Scratch scratch, string outDir)
    {
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Config(scratch), "--out", outDir);
        Assert.True(code == 0, error);
    }

    private static void AssertRefused((int ExitCode, string Out, string Error) result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportNeverReplacesSimulationResults()
    {
        using var scratch = new Scratch();
        Simulate(scratch, scratch.Combine("results/a"));
        Simulate(scratch, scratch.Combine("results/b"));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Combine("results"));

        AssertRefused(CliRunner.Run("report", scratch.Combine("results/a"), "--out", scratch.Combine("results/b")),
            "holds simulation results (mosel simulate or merge), which a report (mosel report) does not replace");
        before.AssertUnchanged("report --out onto simulation results");

        // Its own earlier report it does replace.
        Assert.Equal(0, CliRunner.Run("report", scratch.Combine("results/a"), "--out", scratch.Combine("r")).ExitCode);
        Assert.Contains("kind: report", File.ReadAllText(scratch.Combine("r/.mosel-results")), StringComparison.Ordinal);
        (int code, _, string error) = CliRunner.Run("report", scratch.Combine("results/b"), "--out", scratch.Combine("r"));
        Assert.True(code == 0, error);
    }

    [Theory]
    [InlineData("kind: dataset\n", "holds a dataset (mosel dataset build), which simulation results (mosel simulate or merge) does not replace")]
    [InlineData("kind: report\n", "holds a report (mosel report)")]
    [InlineData("kind: reproduction\n", "holds a reproduction (mosel reproduce)")]
    [InlineData("kind: something-newer\n", "is a Mosel folder of unknown kind")]
    public void SimulateNeverReplacesAnotherCommandsFolder(string kindLine, string expected)
    {
        using var scratch = new Scratch();
        scratch.File("theirs/.mosel-results", "Written by Mosel.\n" + kindLine + "run_id: x\n");
        scratch.File("theirs/data.bin", "someone's work\n");
        TreeSnapshot before = TreeSnapshot.Take(scratch.Combine("theirs"));

        AssertRefused(CliRunner.Run("simulate", "--config", Config(scratch), "--out", scratch.Combine("theirs")), expected);
        before.AssertUnchanged(kindLine);
    }

    [Fact]
    public void AFolderWrittenBeforeMarkersNamedTheirCommandIsKnownByItsFiles()
    {
        using var scratch = new Scratch();
        scratch.File("old-results/.mosel-results", "Written by Mosel; Mosel replaces this folder on a later run with the same --out.\nrun_id: x\n");
        scratch.File("old-results/summary.csv", "run_id,policy\n");
        scratch.File("old-dataset/.mosel-results", "Written by Mosel; Mosel replaces this folder on a later run with the same --out.\nrun_id: y\n");
        scratch.File("old-dataset/datasheet.md", "# digits\n");
        TreeSnapshot dataset = TreeSnapshot.Take(scratch.Combine("old-dataset"));

        AssertRefused(CliRunner.Run("simulate", "--config", Config(scratch), "--out", scratch.Combine("old-dataset")), "holds a dataset (mosel dataset build)");
        dataset.AssertUnchanged("simulate onto an old dataset folder");
        Simulate(scratch, scratch.Combine("old-results"));
        Assert.Contains("kind: simulation", File.ReadAllText(scratch.Combine("old-results/.mosel-results")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputReachedThroughALinkIsStillAnInput()
    {
        using var scratch = new Scratch();
        Simulate(scratch, scratch.Combine("results/a"));
        Simulate(scratch, scratch.Combine("results/shard"));
        Directory.CreateSymbolicLink(scratch.Combine("results-alias"), scratch.Combine("results"));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Combine("results"));

        // A report of results/a written to the same folder spelt through the link; a merge into a shard through the link;
        // a report into a folder that holds the results being reported.
        AssertRefused(CliRunner.Run("report", scratch.Combine("results/a"), "--out", scratch.Combine("results-alias/a")), "one of the results folders being reported");
        AssertRefused(CliRunner.Run("merge", scratch.Combine("results/shard"), "--out", scratch.Combine("results-alias/shard")), "one of the shards being merged");
        AssertRefused(CliRunner.Run("report", scratch.Combine("results-alias/a"), "--out", scratch.Combine("results")), "one of the results folders being reported");
        before.AssertUnchanged("outputs through a link onto inputs");
    }

    [Fact]
    public void WhatAKilledProcessLeftWhileReplacingAFolderIsRemovedOnTheNextRunIfMoselMadeIt()
    {
        using var scratch = new Scratch();
        int ended = EndedProcess.Id();
        string target = scratch.Combine("results/kinds");
        Simulate(scratch, target);
        // A replace cut short by kill -9: the earlier folder half deleted, its marker (deleted last) still there.
        scratch.File($"results/kinds.replaced-{ended}/.mosel-results", "Written by Mosel.\nkind: simulation\nrun_id: x\n");
        scratch.File($"results/kinds.replaced-{ended}/windows.csv", "half\n");
        scratch.File($"results/kinds.replaced-{ended + 1}/yours.txt", "not Mosel's\n");
        scratch.File($"results/kinds.partial-{ended}/.mosel-results", "Written by Mosel.\nkind: simulation\nrun_id: y\n");

        // --resume with nothing to run (the folder is not rewritten: same marker) cleans up too.
        string marker = File.ReadAllText(Path.Combine(target, ".mosel-results"));
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Config(scratch), "--out", target, "--resume");
        Assert.True(code == 0, error);
        Assert.Equal(marker, File.ReadAllText(Path.Combine(target, ".mosel-results")));
        Assert.False(Directory.Exists(scratch.Combine($"results/kinds.replaced-{ended}")), "a half-deleted replaced folder was left");
        Assert.False(Directory.Exists(scratch.Combine($"results/kinds.partial-{ended}")), "a stale staging folder was left");
        Assert.True(File.Exists(scratch.Combine($"results/kinds.replaced-{ended + 1}/yours.txt")), "a folder without the marker was deleted");

        Simulate(scratch, target);
        Assert.Equal(["kinds", $"kinds.replaced-{ended + 1}"], Directory.GetDirectories(scratch.Combine("results")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
