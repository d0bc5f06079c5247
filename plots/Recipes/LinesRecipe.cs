using ScottPlot;

namespace Mosel.Plots.Recipes;

/// <summary>Lines with markers and confidence-interval error bars: metrics against load or against a factor.</summary>
public static class LinesRecipe
{
    private static readonly MarkerShape[] s_markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];
    // A series' style is its marker, not a dashed line: Skia's SVG canvas cannot draw a dashed path (it warns once per
    // line and draws it solid), and the SVG must show what the PNG shows.
    private static readonly MarkerShape[] s_styleMarkers = [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond];

    /// <param name="offeredLine">Draw y = x, dashed, as "offered": where a throughput plot's lines would be if every request were served.</param>
    /// <param name="legendOutside">Put the legend right of the data area (for many series, which a legend inside would cover).</param>
    /// <param name="entries">A legend of colours and markers apart (<see cref="LegendEntry"/>); null: one entry per series.</param>
    public static Plot Build(string title, string xLabel, string yLabel, IReadOnlyList<DataSeries> series, double? yMin = null, double? yMax = null,
        Alignment legend = Alignment.UpperLeft, bool offeredLine = false, bool legendOutside = false, IReadOnlyList<LegendEntry>? entries = null)
    {
        Plot plot = FigureFile.NewPlot(title, xLabel, yLabel);
        if (offeredLine && series.SelectMany(s => s.Points).Select(p => p.X).ToArray() is { Length: > 0 } loads)
        {
            var offered = plot.Add.Line(loads.Min(), loads.Min(), loads.Max(), loads.Max());
            offered.LineColor = Colors.Gray;
            offered.LinePattern = LinePattern.Dashed;
            offered.LegendText = entries is null ? "offered" : "";
        }
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < series.Count; i++)
        {
            DataSeries s = series[i];
            double[] xs = s.Points.Select(p => p.X).ToArray();
            double[] ys = s.Points.Select(p => p.Y).ToArray();
            int colorIndex = s.Color ?? i;
            Color color = palette.GetColor(colorIndex);
            var line = plot.Add.Scatter(xs, ys, color);
            // With a legend of colours and markers apart, the series themselves stay out of it.
            line.LegendText = entries is null ? s.Name : "";
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = s.Style is int style ? s_styleMarkers[style % s_styleMarkers.Length] : s_markers[colorIndex % s_markers.Length];
            if (s.Points.Any(p => p.Error > 0))
            {
                var errors = plot.Add.ErrorBar(xs, ys, s.Points.Select(p => p.Error).ToArray());
                errors.Color = color;
            }
        }
        if (entries is not null)
        {
            if (offeredLine)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = "offered", LineColor = Colors.Gray, LineWidth = 1, MarkerShape = MarkerShape.None });
            }
            foreach (LegendEntry entry in entries)
            {
                Color color = entry.Color is int c ? palette.GetColor(c) : Colors.Gray;
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = entry.Name,
                    LineColor = color,
                    LineWidth = entry.Style is null ? 2 : 0,
                    MarkerShape = entry.Style is int style ? s_styleMarkers[style % s_styleMarkers.Length] : MarkerShape.None,
                    MarkerFillColor = color,
                    MarkerLineColor = color,
                    MarkerSize = 7,
                });
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
