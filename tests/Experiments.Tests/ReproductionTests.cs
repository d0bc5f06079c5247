using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Reproduction.Figures;

namespace Mosel.Experiments.Tests;

public sealed class ReproductionTests
{
    [Fact]
    public void QuickReproductionWritesEveryFigureUnderBothEnginesAndTheReport()
    {
        using var scratch = new Scratch();
        var options = new ReproductionOptions(scratch.Path, Quick: true, PaperFigures.All, ReproductionEngine.All);
        ReproductionReport report = PaperReproduction.Run(options, _ => { });

        // Fig. 1 twice (once, not per engine); per engine: Fig. 5 TVLT (2) + bands (1) + Fig. 6 (3) + Fig. 7 (1) + Fig. 8 (1); Fig. 5 ViLT (2) ideal only.
        Assert.Equal(2 + (2 * 8) + 2, report.Figures.Count);
        Assert.All(report.Figures, f => Assert.True(new FileInfo(f.File).Length > 5_000, f.File));
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
    }
}
