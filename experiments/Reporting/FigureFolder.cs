namespace Mosel.Experiments.Reporting;

/// <summary>
/// A report's figures/ folder, shared by <c>mosel report</c> and <c>mosel reproduce</c>: where a figure's numbers go as
/// CSV beside its PNG and SVG, and the <see cref="ReportFigure"/> that names all three relative to the report.
/// </summary>
public sealed class FigureFolder(string report)
{
    public string Path { get; } = System.IO.Path.Combine(report, "figures");

    /// <summary>The CSV of the numbers behind the figure saved as <paramref name="name"/>.png and .svg.</summary>
    public string CsvOf(string name) => System.IO.Path.Combine(Path, name + ".csv");

    /// <summary>The figure saved as <paramref name="name"/>: its PNG and SVG as saved, its CSV at <see cref="CsvOf"/>.</summary>
    public ReportFigure Figure(string title, string caption, string png, string svg, string name) =>
        new(title, caption, Relative(png), Relative(svg), Relative(CsvOf(name)));

    private string Relative(string path) => System.IO.Path.GetRelativePath(report, path).Replace('\\', '/');
}
