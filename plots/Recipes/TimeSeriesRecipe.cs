using ScottPlot;

namespace Mosel.Plots.Recipes;

/// <summary>
/// The trace-run picture: per window, offered load, goodput and violated requests; mean served accuracy;
/// and the modality mix (share of finished requests per configuration).
/// </summary>
public static class TimeSeriesRecipe
{
    public static IReadOnlyList<(string Name, Plot Plot)> Build(string title, IReadOnlyList<WindowPoint> windows, IReadOnlyList<string> configurations)
    {
        double[] t = windows.Select(w => w.StartSeconds).ToArray();
        var palette = new ScottPlot.Palettes.Category10();

        Plot load = FigureFile.NewPlot($"{title}: load", "time (s)", "requests / s");
        AddLine(load, t, windows.Select(w => w.OfferedRps), "offered", palette.GetColor(7));
        AddLine(load, t, windows.Select(w => w.GoodputRps), "goodput (met deadline)", palette.GetColor(2));
        AddLine(load, t, windows.Select(w => w.ViolatedRps), "violated (late or dropped)", palette.GetColor(3));
        load.ShowLegend(Alignment.UpperLeft);

        Plot accuracy = FigureFile.NewPlot($"{title}: mean served accuracy", "time (s)", "accuracy");
        AddLine(accuracy, t, windows.Select(w => w.MeanAccuracy), "mean served accuracy", palette.GetColor(0));

        Plot mix = FigureFile.NewPlot($"{title}: modality mix", "time (s)", "share of finished requests");
        for (int c = 0; c < configurations.Count; c++)
        {
            AddLine(mix, t, windows.Select(w => w.ConfigurationShares[c]), configurations[c], palette.GetColor(c));
        }
        mix.Axes.SetLimitsY(-0.02, 1.02);
        mix.ShowLegend(Alignment.UpperLeft);
        return [("load", load), ("accuracy", accuracy), ("mix", mix)];
    }

    private static void AddLine(Plot plot, double[] t, IEnumerable<double> values, string name, Color color)
    {
        // Windows where nothing finished have no accuracy or mix: leave them out rather than draw NaN.
        (double X, double Y)[] points = t.Zip(values).Where(p => double.IsFinite(p.Second)).ToArray();
        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        line.LineWidth = 1.5f;
        line.LegendText = name;
    }
}
