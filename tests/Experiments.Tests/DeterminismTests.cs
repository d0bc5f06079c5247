namespace Mosel.Experiments.Tests;

public sealed class DeterminismTests
{
    /// <summary>The result files; the marker (which holds the run's id) is Mosel's bookkeeping, not a result.</summary>
    private static string[] Files(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != ".mosel-results").Order(StringComparer.Ordinal).ToArray()!;

    private static (int Code, string Error) Simulate(string outDir, int seed) =>
        CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", outDir,
            "--set", $"seeds=[{seed}]", "--set", "scheduler.decision_time=none") is var r ? (r.ExitCode, r.Error) : default;

    [Fact]
    public void SameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot()
    {
        using var scratch = new Scratch();
        string a = scratch.Combine("a");
        string b = scratch.Combine("b");
        string c = scratch.Combine("c");
        Assert.Equal((0, ""), Simulate(a, 1));
        Assert.Equal((0, ""), Simulate(b, 1));
        Assert.Equal((0, ""), Simulate(c, 2));

        Assert.Equal(["accuracy_hist.csv", "config.resolved.yaml", "decisions.csv", "jobs.csv", "summary.csv", "windows.csv"], Files(a));
        foreach (string file in Files(a))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), $"{file} differs between two runs with seed 1");
        }
        foreach (string file in new[] { "jobs.csv", "summary.csv", "windows.csv" })
        {
            Assert.False(File.ReadAllBytes(Path.Combine(a, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(c, file))), $"{file} is the same for seeds 1 and 2");
        }
    }
}
