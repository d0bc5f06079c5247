using System.Text.RegularExpressions;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Reproduction.Figures;

namespace Mosel.Experiments.Tests;

public sealed class ReproductionTests
{
    /// <summary>
    /// <c>--profile</c> replaces TVLT's profile in every run (Fig. 1 draws it alone); <c>--config-dir</c> reads the configs
    /// from another folder (here Fig. 8's at 40 req/s instead of 80).
    /// </summary>
    [Fact]
    public void AnotherProfileAndAnotherConfigFolderAreRunWithoutEditingTheShippedConfigs()
    {
        using var scratch = new Scratch();
        string profile = Repo.PathOf("profiles/tvlt.cpu-tiny.yaml");
        (int code, _, string error) = CliRunner.Run("reproduce", "--quick", "--engine", "ideal", "--figure", "1", "--figure", "8",
            "--profile", profile, "--out", scratch.Combine("p"));
        Assert.Equal((0, ""), (code, error));
        Assert.Contains($"profile: {profile}", File.ReadAllText(scratch.Combine("p/ideal/fig8/config.resolved.yaml")));
        Assert.Equal(["fig1_tvlt.png", "fig8_estimation_error_ideal.png"], Directory.GetFiles(scratch.Combine("p/figures"), "fig*.png")
            .Select(Path.GetFileName).Where(f => !f!.StartsWith("fig1_tvlt_", StringComparison.Ordinal)).Order());

        string configs = scratch.File("configs/fig8.yaml", File.ReadAllText(Repo.PathOf("experiments/configs/fig8.yaml"))
            .Replace("loads_qps: [80]", "loads_qps: [40]", StringComparison.Ordinal)
            .Replace("../../profiles/", Repo.PathOf("profiles") + "/", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("reproduce", "--quick", "--engine", "ideal", "--figure", "8", "--config-dir", Path.GetDirectoryName(configs)!, "--out", scratch.Combine("c"));
        Assert.Equal((0, ""), (code, error));
        string[] summary = File.ReadAllLines(scratch.Combine("c/ideal/fig8/summary.csv"));
        int load = Array.IndexOf(summary[0].Split(','), "load_qps");
        Assert.All(summary.Skip(1), row => Assert.Equal("40", row.Split(',')[load]));

        (code, _, error) = CliRunner.Run("reproduce", "--quick", "--profile", scratch.Combine("none.yaml"), "--out", scratch.Combine("x"));
        Assert.Equal(2, code);
        Assert.Contains("none.yaml", error);
        Assert.False(Directory.Exists(scratch.Combine("x")));
    }

    [Fact]
    public void QuickReproductionWritesEveryFigureUnderBothEnginesAndTheReport()
    {
        using var scratch = new Scratch();
        var options = new ReproductionOptions(scratch.Path, Quick: true, PaperFigures.All, ReproductionEngine.All);
        ReproductionReport report = PaperReproduction.Run(options, _ => { });

        // Fig. 1 twice (once, not per engine); per engine: Fig. 5 TVLT (2) + bands (1) + Fig. 6 (3) + Fig. 7 (1) + Fig. 8 (1); Fig. 5 ViLT (2)
        // ideal only; the solve-time sensitivity (fp32, fp16) reference only; the policy comparison (4) ideal only.
        Assert.Equal(2 + (2 * 8) + 2 + 2 + 4, report.Figures.Count);
        Assert.Equal(["peers_goodput_ideal.png", "peers_p99_ideal.png", "peers_pareto_ideal.png", "peers_target_ideal.png"],
            Directory.GetFiles(Path.Combine(scratch.Path, "figures"), "peers_*.png").Select(Path.GetFileName).Where(f => f!.Split('_').Length == 3).Order());
        Assert.Contains("## Policy comparison — per trace, load and policy", File.ReadAllText(Path.Combine(scratch.Path, "report.md")), StringComparison.Ordinal);
        Assert.Equal(["solve_time_fp16_reference.png", "solve_time_fp32_reference.png"],
            Directory.GetFiles(Path.Combine(scratch.Path, "figures"), "solve_time_*.png").Select(Path.GetFileName).Where(f => f!.Split('_').Length == 4).Order());
        Assert.All(report.Figures, f => Assert.True(new FileInfo(Path.Combine(scratch.Path, f.Png)).Length > 5_000, f.Png));
        // Every figure has the numbers it draws beside it, and report.html embeds every figure as report.md links it.
        Assert.All(report.Figures, f => Assert.True(File.ReadAllLines(Path.Combine(scratch.Path, f.Csv)).Length > 1, f.Csv));
        string html = File.ReadAllText(Path.Combine(scratch.Path, "report.html"));
        Assert.Equal(report.Figures.Count, Regex.Count(html, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,"));
        Assert.Contains("<h2>The paper&#39;s claims</h2>", html, StringComparison.Ordinal);
        // Fig. 7's numbers are summary.csv's, each under its policy and load (one seed: the mean is the run's own value).
        string[][] summary = [.. File.ReadAllLines(Path.Combine(scratch.Path, "ideal/fig7/summary.csv")).Select(l => l.Split(','))];
        int Of(string column) => Array.IndexOf(summary[0], column);
        string[] expected = [.. summary.Skip(1).Select(r => $"{PolicyLabels.For(r[Of("policy")])}|{r[Of("load_qps")]}|violation_ratio|{r[Of("violation_ratio")]}").Order()];
        string[] drawn = [.. File.ReadAllLines(Path.Combine(scratch.Path, "figures/fig7_violations_ideal.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(r => $"{r[0]}|{r[1]}|{r[2]}|{r[3]}").Order()];
        Assert.Equal("series,load_qps,metric,mean,ci95", File.ReadLines(Path.Combine(scratch.Path, "figures/fig7_violations_ideal.csv")).First());
        Assert.Equal(expected, drawn);
        Assert.True(File.Exists(Path.Combine(scratch.Path, "figures", "fig5_tvlt_throughput_reference.png")));
        Assert.False(File.Exists(Path.Combine(scratch.Path, "figures", "fig5_vilt_throughput_reference.png")));
        string markdown = File.ReadAllText(Path.Combine(scratch.Path, "report.md"));
        Assert.Contains("| claim | at | paper | reference engine (as the authors built it) | ideal engine (the algorithm as stated) |", markdown, StringComparison.Ordinal);
        Assert.Contains("figures/fig5_tvlt_throughput_ideal.png", markdown, StringComparison.Ordinal);
        Assert.Contains("## Fig. 5 by target band — TVLT, reference engine", markdown, StringComparison.Ordinal);

        HeadlineRow peak = report.Headline.First(h => h.Engine == "ideal" && h.Point == "TVLT sweep, MOSEL (fp32)");
        Assert.True(peak.Value > 1.5, $"dynamic should sustain much more goodput than none ({peak.Value:0.00}x)");
        HeadlineRow referencePeak = report.Headline.First(h => h.Engine == "reference" && h.Point == "TVLT sweep, MOSEL (fp16)");
        Assert.True(referencePeak.Value > 1.5, $"the reference engine's MOSEL at fp16 should process much more than none at fp32 ({referencePeak.Value:0.00}x)");
        foreach (string engine in new[] { "ideal", "reference" })
        {
            HeadlineRow accuracy = report.Headline.Single(h => h.Engine == engine && h.Claim == "mean served accuracy of MOSEL");
            Assert.InRange(accuracy.Value, 0.70, 0.7432);
        }
        Assert.Equal(2, report.Tables.Count(t => t.Title.StartsWith("Fig. 5 by target band", StringComparison.Ordinal)));
        Assert.Single(report.Tables, t => t.Title.StartsWith("Solve-time sensitivity", StringComparison.Ordinal));
    }
}
