using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Reproduction.Figures;

namespace Mosel.Experiments.Tests;

public sealed class ReproductionTests
{
    [Fact]
    public void QuickReproductionWritesEveryFigureAndTheReport()
    {
        using var scratch = new Scratch();
        var options = new ReproductionOptions(scratch.Path, Quick: true, PaperFigures.All);
        ReproductionReport report = PaperReproduction.Run(options, _ => { });

        Assert.Equal(11, report.Figures.Count);
        Assert.All(report.Figures, f => Assert.True(new FileInfo(f.File).Length > 5_000, f.File));
        string markdown = File.ReadAllText(Path.Combine(scratch.Path, "report.md"));
        Assert.Contains("| peak goodput, dynamic ÷ none |", markdown, StringComparison.Ordinal);
        Assert.Contains("figures/fig5_tvlt_throughput.png", markdown, StringComparison.Ordinal);
        HeadlineRow peak = report.Headline.First(h => h.Metric.StartsWith("peak goodput", StringComparison.Ordinal));
        Assert.True(peak.Mosel > 1.5, $"dynamic should sustain much more goodput than none ({peak.Mosel:0.00}x)");
        HeadlineRow accuracy = report.Headline.First(h => h.Metric.StartsWith("mean served accuracy", StringComparison.Ordinal));
        Assert.InRange(accuracy.Mosel, 0.70, 0.7432);
    }
}
