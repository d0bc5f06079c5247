using Mosel.Plots.Recipes;
using ScottPlot;
using ScottPlot.Plottables;

namespace Mosel.Plots.Tests;

/// <summary>What a reader of each figure relies on, checked on the plot model before rendering: series, names, error bars, axes, panels.</summary>
public sealed class FigureContentTests
{
    private static readonly DataSeries[] s_lines =
    [
        new("none", [new(10, 9.5, 0.4), new(20, 18.0, 0.6), new(30, 21.0, 1.5)]),
        new("dynamic", [new(10, 9.9, 0.1), new(20, 19.8, 0.2), new(30, 29.0, 0.0)]),
    ];

    [Fact]
    public void AThroughputPlotCanShowTheOfferedLineFromItsSmallestToItsLargestLoad()
    {
        Plot plot = LinesRecipe.Build("goodput", "offered load (req/s)", "goodput (req/s)", s_lines, yMin: 0, offeredLine: true);
        LinePlot offered = Assert.Single(plot.GetPlottables<LinePlot>());
        Assert.Equal("offered", offered.LegendText);
        Assert.Equal((10.0, 10.0, 30.0, 30.0), (offered.Start.X, offered.Start.Y, offered.End.X, offered.End.Y));
        Assert.Equal(2, plot.GetPlottables<Scatter>().Count());
        Assert.Equal(0, plot.Axes.GetLimits().Bottom);
        plot.RenderInMemory(720, 460);
        Assert.Equal(0, plot.Axes.GetLimits().Bottom);
        Assert.Empty(LinesRecipe.Build("t", "x", "y", s_lines).GetPlottables<LinePlot>());
    }

    [Fact]
    public void LinesHaveOneNamedSeriesPerPolicyWithItsPointsAndErrorBars()
    {
        Plot plot = LinesRecipe.Build("goodput", "offered load (req/s)", "goodput (req/s)", s_lines, yMin: 0, yMax: 35);

        Scatter[] lines = plot.GetPlottables<Scatter>().ToArray();
        Assert.Equal(["none", "dynamic"], lines.Select(l => l.LegendText));
        Assert.Equal([10.0, 20, 30], lines[1].Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal([9.9, 19.8, 29.0], lines[1].Data.GetScatterPoints().Select(p => p.Y));
        ErrorBar[] errors = plot.GetPlottables<ErrorBar>().ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Equal([0.4, 0.6, 1.5], errors[0].YErrorPositive);
        Assert.Equal([0.4, 0.6, 1.5], errors[0].YErrorNegative);
        Assert.Equal(lines[0].Color, errors[0].Color);
        Assert.Equal("offered load (req/s)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("goodput (req/s)", plot.Axes.Left.Label.Text);
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(35, limits.Top);
        Assert.True(plot.Legend.IsVisible);
    }

    [Fact]
    public void ASeriesWithoutSpreadHasNoErrorBars()
    {
        Plot plot = LinesRecipe.Build("t", "x", "y", [new DataSeries("one seed", [new(1, 2, 0), new(2, 3, 0)])]);
        Assert.Empty(plot.GetPlottables<ErrorBar>());
        Assert.Single(plot.GetPlottables<Scatter>());
    }

    [Fact]
    public void ConfigurationCostsAreThreePanelsWithOneBarPerConfiguration()
    {
        var costs = new ConfigurationCosts("tvlt", ["audio+video", "audio", "video"], [15, 5, 12.6], [411, 73.6, 282.6], [2.6, 0.9, 2.1],
            [0.743, 0.723, 0.660], "accuracy", "fp32");
        IReadOnlyList<(string Name, Plot Plot)> panels = ConfigurationCostsRecipe.Build(costs);

        Assert.Equal(["latency", "memory", "accuracy"], panels.Select(p => p.Name));
        BarPlot[] latency = panels[0].Plot.GetPlottables<BarPlot>().ToArray();
        Assert.Equal(["batch 1", "batch 32"], latency.Select(b => b.LegendText));
        Assert.Equal([15.0, 5, 12.6], latency[0].Bars.Select(b => b.Value));
        Assert.Equal([411.0, 73.6, 282.6], latency[1].Bars.Select(b => b.Value));
        // Side by side: batch 32's bar of a configuration stands right of its batch 1 bar, both around the configuration's tick.
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(latency[0].Bars[i].Position < i && latency[1].Bars[i].Position > i));
        Assert.Equal([2.6, 0.9, 2.1], panels[1].Plot.GetPlottables<BarPlot>().Single().Bars.Select(b => b.Value));
        BarPlot accuracy = panels[2].Plot.GetPlottables<BarPlot>().Single();
        Assert.Equal([0.743, 0.723, 0.660], accuracy.Bars.Select(b => b.Value));
        Assert.Equal(["0.743", "0.723", "0.660"], accuracy.Bars.Select(b => b.Label));
        panels[2].Plot.RenderInMemory(720, 300);
        AxisLimits limits = panels[2].Plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom, 9);
        Assert.Equal(0.743 * 1.15, limits.Top, 9);
        Assert.Equal("latency (ms)", panels[0].Plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void TheAccuracyCdfRisesFromZeroToOneWithEachSeriesMeanMarked()
    {
        (string, IReadOnlyList<(double, double)>, double)[] series =
        [
            ("none", [(0.7432, 1000.0)], 0.7432),
            ("dynamic", [(0.7233, 300.0), (0.73, 200.0), (0.7432, 500.0)], 0.735),
        ];
        Plot plot = AccuracyCdfRecipe.Build("t", "served accuracy", series);

        Scatter[] lines = plot.GetPlottables<Scatter>().ToArray();
        Assert.Equal(["none (mean 0.7432)", "dynamic (mean 0.7350)"], lines.Select(l => l.LegendText));
        // dynamic: steps of 300, 200 and 500 of 1,000 requests: 0 → 0.3 at 0.7233, → 0.5 at 0.73, → 1 at 0.7432.
        Assert.Equal([0.7233, 0.7233, 0.73, 0.73, 0.7432, 0.7432], lines[1].Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal([0.0, 0.3, 0.3, 0.5, 0.5, 1.0], lines[1].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal([0.7432, 0.735], plot.GetPlottables<VerticalLine>().Select(v => v.X));
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(1.02, limits.Top);
    }

    [Fact]
    public void TheTimeSeriesHasLoadAccuracyAndMixPanelsAndLeavesEmptyWindowsOut()
    {
        var windows = Enumerable.Range(0, 10).Select(i => new WindowPoint(4 * i, 100, 90, 10, i == 3 ? double.NaN : 0.73,
            i == 3 ? [double.NaN, double.NaN] : [0.6, 0.4])).ToArray();
        IReadOnlyList<(string Name, Plot Plot)> panels = TimeSeriesRecipe.Build("t", windows, ["audio+video", "audio"]);

        Assert.Equal(["load", "accuracy", "mix"], panels.Select(p => p.Name));
        Assert.Equal(["offered", "goodput (met deadline)", "violated (late or dropped)"], panels[0].Plot.GetPlottables<Scatter>().Select(l => l.LegendText));
        Assert.All(panels[0].Plot.GetPlottables<Scatter>(), l => Assert.Equal(10, l.Data.GetScatterPoints().Count));
        // Window 3 finished nothing: it has no accuracy and no mix, so those lines have 9 points and skip t = 12 s.
        Scatter accuracy = panels[1].Plot.GetPlottables<Scatter>().Single();
        Assert.Equal(9, accuracy.Data.GetScatterPoints().Count);
        Assert.DoesNotContain(12.0, accuracy.Data.GetScatterPoints().Select(p => p.X));
        Scatter[] mix = panels[2].Plot.GetPlottables<Scatter>().ToArray();
        Assert.Equal(["audio+video", "audio"], mix.Select(l => l.LegendText));
        Assert.All(mix[0].Data.GetScatterPoints(), p => Assert.Equal(0.6, p.Y));
        Assert.Equal(-0.02, panels[2].Plot.Axes.GetLimits().Bottom);
    }
}
