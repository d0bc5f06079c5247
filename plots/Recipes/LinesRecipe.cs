using ScottPlot;

namespace Mosel.Plots.Recipes;

/// <summary>Lines with markers and confidence-interval error bars: metrics against load or against a factor.</summary>
public static class LinesRecipe
{
    private static readonly MarkerShape[] s_markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    /// <param name="offeredLine">Draw y = x, dashed, as "offered": where a throughput plot's lines would be if every request were served.</param>
    /// <param name="legendOutside">Put the legend right of the data area (for many series, which a legend inside would cover).</param>
    public static Plot Build(string title, string xLabel, string yLabel, IReadOnlyList<DataSeries> series, double? yMin = null, double? yMax = null,
        Alignment legend = Alignment.UpperLeft, bool offeredLine = false, bool legendOutside = false)
    {
        Plot plot = FigureFile.NewPlot(title, xLabel, yLabel);
        if (offeredLine && series.SelectMany(s => s.Points).Select(p => p.X).ToArray() is { Length: > 0 } loads)
        {
            var offered = plot.Add.Line(loads.Min(), loads.Min(), loads.Max(), loads.Max());
            offered.LineColor = Colors.Gray;
            offered.LinePattern = LinePattern.Dashed;
            offered.LegendText = "offered";
        }
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < series.Count; i++)
        {
            DataSeries s = series[i];
            double[] xs = s.Points.Select(p => p.X).ToArray();
            double[] ys = s.Points.Select(p => p.Y).ToArray();
            Color color = palette.GetColor(i);
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = s.Name;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = s_markers[i % s_markers.Length];
            if (s.Points.Any(p => p.Error > 0))
            {
                var errors = plot.Add.ErrorBar(xs, ys, s.Points.Select(p => p.Error).ToArray());
                errors.Color = color;
            }
        }
        if (legendOutside)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(legend);
        }
        if (yMin is not null || yMax is not null)
        {
            // Autoscale first: limits set on axes never scaled are replaced by the first render's autoscale.
            plot.Axes.AutoScale();
            AxisLimits limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(yMin ?? limits.Bottom, yMax ?? limits.Top);
        }
        return plot;
    }
}
