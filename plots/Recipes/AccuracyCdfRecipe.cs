using ScottPlot;

namespace Mosel.Plots.Recipes;

/// <summary>Fig. 6: the served-accuracy distribution as a CDF over requests (each series: (accuracy, requests) pairs).</summary>
public static class AccuracyCdfRecipe
{
    public static Plot Build(string title, string xLabel, IReadOnlyList<(string Name, IReadOnlyList<(double Accuracy, double Requests)> Mass, double Mean)> series)
    {
        Plot plot = FigureFile.NewPlot(title, xLabel, "share of served requests ≤ x");
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < series.Count; i++)
        {
            var (name, mass, mean) = series[i];
            var sorted = mass.OrderBy(m => m.Accuracy).ToArray();
            double total = sorted.Sum(m => m.Requests);
            var xs = new List<double>();
            var ys = new List<double>();
            double cumulative = 0;
            foreach ((double accuracy, double requests) in sorted)
            {
                xs.Add(accuracy);
                ys.Add(cumulative / total);
                cumulative += requests;
                xs.Add(accuracy);
                ys.Add(cumulative / total);
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = $"{name} (mean {mean:0.0000})";
            var marker = plot.Add.VerticalLine(mean, 1, palette.GetColor(i));
            marker.LinePattern = LinePattern.Dashed;
        }
        double lo = series.SelectMany(s => s.Mass).Min(m => m.Accuracy);
        double hi = series.SelectMany(s => s.Mass).Max(m => m.Accuracy);
        double pad = Math.Max(0.002, (hi - lo) * 0.05);
        plot.Axes.SetLimits(lo - pad, hi + pad, 0, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
