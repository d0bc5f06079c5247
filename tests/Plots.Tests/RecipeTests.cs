using Mosel.Plots.Recipes;
using ScottPlot;

namespace Mosel.Plots.Tests;

/// <summary>Every recipe renders to a real PNG and SVG from a small, seeded data set.</summary>
public sealed class RecipeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mosel-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    private static IReadOnlyList<DataSeries> Lines()
    {
        var random = new Random(1);
        return new[] { "none", "dynamic" }.Select(name => new DataSeries(name,
            Enumerable.Range(1, 12).Select(i => new SeriesPoint(10 * i, i * (name == "none" ? 3 : 7) + random.NextDouble(), random.NextDouble())).ToArray())).ToArray();
    }

    [Fact]
    public void LinesRenderWithErrorBars()
    {
        IReadOnlyList<string> files = FigureFile.Save(LinesRecipe.Build("t", "offered load (req/s)", "goodput (req/s)", Lines()), _folder, "lines");
        AssertPng(files[0]);
        Assert.Contains("<svg", File.ReadAllText(files[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationCostsRenderThreePanels()
    {
        var costs = new ConfigurationCosts("tvlt", ["audio+video", "audio", "video"], [15, 5, 12.6], [411, 73.6, 282.6], [2.6, 0.9, 2.1],
            [0.743, 0.723, 0.660], "accuracy", "fp32");
        IReadOnlyList<string> files = FigureFile.SavePanels(ConfigurationCostsRecipe.Build(costs), _folder, "fig1");
        // Each panel's PNG and SVG, then the stacked SVG (three nested panels, one under another) and the stacked PNG.
        Assert.Equal(8, files.Count);
        AssertPng(files[^1]);
        string stacked = File.ReadAllText(files[^2]);
        Assert.Equal(Path.Combine(_folder, "fig1.svg"), files[^2]);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(stacked, "<svg "));
        Assert.Contains("<svg y=\"600\"", stacked, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(stacked);
    }

    [Fact]
    public void ScaleTwoDoublesThePngsPixelsAndLeavesTheSvgsSize()
    {
        IReadOnlyList<string> files = FigureFile.Save(LinesRecipe.Build("t", "x", "y", Lines()), _folder, "scaled", scale: 2);
        using var image = SkiaSharp.SKBitmap.Decode(files[0]);
        Assert.Equal((2 * FigureFile.Width, 2 * FigureFile.Height), (image.Width, image.Height));
        Assert.Contains($"width=\"{FigureFile.Width}\"", File.ReadAllText(files[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void AccuracyCdfRenders()
    {
        (string, IReadOnlyList<(double, double)>, double)[] series =
        [
            ("none", [(0.7432, 1000.0)], 0.7432),
            ("dynamic", [(0.7233, 300.0), (0.73, 200.0), (0.7432, 500.0)], 0.735),
        ];
        AssertPng(FigureFile.Save(AccuracyCdfRecipe.Build("t", "served accuracy", series), _folder, "cdf")[0]);
    }

    [Fact]
    public void TimeSeriesRendersAndSkipsEmptyWindows()
    {
        var windows = Enumerable.Range(0, 50).Select(i => new WindowPoint(4 * i, 100 + i, 90 + i, 10, i % 7 == 0 ? double.NaN : 0.73,
            i % 7 == 0 ? [double.NaN, double.NaN, double.NaN] : [0.5, 0.4, 0.1])).ToArray();
        IReadOnlyList<string> files = FigureFile.SavePanels(TimeSeriesRecipe.Build("t", windows, ["audio+video", "audio", "video"]), _folder, "ts");
        AssertPng(files[^1]);
    }

    [Fact]
    public void RenderingIsRepeatable()
    {
        Plot Make() => LinesRecipe.Build("t", "x", "y", Lines());
        string a = FigureFile.Save(Make(), _folder, "a")[0];
        string b = FigureFile.Save(Make(), _folder, "b")[0];
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }
}
