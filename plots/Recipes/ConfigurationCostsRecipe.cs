using ScottPlot;

namespace Mosel.Plots.Recipes;

/// <summary>Fig. 1: for one model, latency, peak memory and accuracy of each modality configuration.</summary>
public static class ConfigurationCostsRecipe
{
    public static IReadOnlyList<(string Name, Plot Plot)> Build(ConfigurationCosts costs)
    {
        string[] labels = costs.Configurations.ToArray();
        var latency = Bars($"{costs.Model}: latency per batch ({costs.Precision})", "latency (ms)", labels,
            [("batch 1", costs.LatencyMsBatch1), ("batch 32", costs.LatencyMsBatch32)]);
        var memory = Bars($"{costs.Model}: peak memory at batch 32 ({costs.Precision})", "peak memory (GiB)", labels,
            [("batch 32", costs.PeakMemoryGiBBatch32)]);
        var accuracy = Bars($"{costs.Model}: {costs.AccuracyLabel}", costs.AccuracyLabel, labels, [("", costs.Accuracy)]);
        // Bars start at 0 (a cut axis would make 0.723 look a fraction of 0.743); the labels carry the exact values.
        accuracy.Axes.SetLimitsY(0, Math.Min(1.1, costs.Accuracy.Max() * 1.15));
        return [("latency", latency), ("memory", memory), ("accuracy", accuracy)];
    }

    private static Plot Bars(string title, string yLabel, string[] labels, (string Name, IReadOnlyList<double> Values)[] groups)
    {
        Plot plot = FigureFile.NewPlot(title, "modality configuration", yLabel);
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / groups.Length;
        for (int g = 0; g < groups.Length; g++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < labels.Length; i++)
            {
                double value = groups[g].Values[i];
                bars.Add(new Bar
                {
                    Position = i + ((g - ((groups.Length - 1) / 2.0)) * width),
                    Value = value,
                    Size = width * 0.95,
                    FillColor = palette.GetColor(g),
                    Label = value.ToString(value >= 100 ? "0" : value >= 1 ? "0.0" : "0.000"),
                });
            }
            var plottable = plot.Add.Bars(bars);
            if (groups.Length > 1)
            {
                plottable.LegendText = groups[g].Name;
            }
            plottable.ValueLabelStyle.FontSize = 11;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        // Room above the tallest bar for its value label.
        plot.Axes.Margins(bottom: 0, top: 0.18);
        if (groups.Length > 1)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }
        return plot;
    }
}
