using System.Globalization;
using ScottPlot;

namespace Mosel.Plots;

/// <summary>Writes figures as PNG and SVG at a size that stays readable at paper column width.</summary>
public static class FigureFile
{
    public const int Width = 720;
    public const int Height = 460;

    /// <param name="scale">Pixels per layout unit: 1 gives <paramref name="width"/> x <paramref name="height"/> pixels, 2 the same figure at twice the resolution (for print).</param>
    /// <returns>The PNG and SVG paths written.</returns>
    public static IReadOnlyList<string> Save(Plot plot, string folder, string name, int width = Width, int height = Height, double scale = 1)
    {
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, name + ".png");
        string svg = Path.Combine(folder, name + ".svg");
        plot.ScaleFactor = (float)scale;
        plot.SavePng(png, (int)Math.Round(width * scale), (int)Math.Round(height * scale));
        plot.ScaleFactor = 1;
        plot.SaveSvg(svg, width, height);
        return [png, svg];
    }

    /// <summary>
    /// Stacks panels in rows into one PNG and one SVG (the panels' SVGs one under another); each panel is also written as
    /// its own PNG and SVG. Returns every path, the combined PNG last.
    /// </summary>
    public static IReadOnlyList<string> SavePanels(IReadOnlyList<(string Name, Plot Plot)> panels, string folder, string name, int panelHeight = 300, double scale = 1,
        int width = Width)
    {
        var files = new List<string>();
        var multiplot = new Multiplot(panels[0].Plot) { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        var svg = new System.Text.StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{panelHeight * panels.Count}\">\n");
        for (int i = 0; i < panels.Count; i++)
        {
            files.AddRange(Save(panels[i].Plot, folder, $"{name}_{panels[i].Name}", width, panelHeight, scale));
            svg.Append(CultureInfo.InvariantCulture, $"<svg y=\"{i * panelHeight}\" width=\"{width}\" height=\"{panelHeight}\">\n")
                .Append(Inner(panels[i].Plot.GetSvgXml(width, panelHeight))).Append("\n</svg>\n");
            if (i > 0)
            {
                multiplot.AddPlot(panels[i].Plot);
            }
        }
        svg.Append("</svg>\n");
        string combinedSvg = Path.Combine(folder, name + ".svg");
        File.WriteAllText(combinedSvg, svg.ToString());
        files.Add(combinedSvg);
        foreach ((_, Plot plot) in panels)
        {
            plot.ScaleFactor = (float)scale;
        }
        string png = Path.Combine(folder, name + ".png");
        multiplot.SavePng(png, (int)Math.Round(width * scale), (int)Math.Round(panelHeight * panels.Count * scale));
        foreach ((_, Plot plot) in panels)
        {
            plot.ScaleFactor = 1;
        }
        files.Add(png);
        return files;
    }

    /// <summary>A standalone SVG document's content, without its XML declaration and outer svg element, to nest in another.</summary>
    private static string Inner(string svg)
    {
        int open = svg.IndexOf("<svg", StringComparison.Ordinal);
        int start = svg.IndexOf('>', open) + 1;
        int end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        return svg[start..end];
    }

    /// <summary>Common look: larger fonts than the default, labels with units, legend in a corner.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 16);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        return plot;
    }
}
