using ScottPlot;

namespace Mosel.Plots;

/// <summary>Writes figures as PNG and SVG at a size that stays readable at paper column width.</summary>
public static class FigureFile
{
    public const int Width = 720;
    public const int Height = 460;

    /// <returns>The PNG and SVG paths written.</returns>
    public static IReadOnlyList<string> Save(Plot plot, string folder, string name, int width = Width, int height = Height)
    {
        Directory.CreateDirectory(folder);
        string png = Path.Combine(folder, name + ".png");
        string svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, width, height);
        plot.SaveSvg(svg, width, height);
        return [png, svg];
    }

    /// <summary>Stacks panels in rows into one PNG; each panel is also written as its own PNG and SVG.</summary>
    public static IReadOnlyList<string> SavePanels(IReadOnlyList<(string Name, Plot Plot)> panels, string folder, string name, int panelHeight = 300)
    {
        var files = new List<string>();
        var multiplot = new Multiplot(panels[0].Plot) { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        for (int i = 0; i < panels.Count; i++)
        {
            files.AddRange(Save(panels[i].Plot, folder, $"{name}_{panels[i].Name}", Width, panelHeight));
            if (i > 0)
            {
                multiplot.AddPlot(panels[i].Plot);
            }
        }
        string png = Path.Combine(folder, name + ".png");
        multiplot.SavePng(png, Width, panelHeight * panels.Count);
        files.Add(png);
        return files;
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
