using System.Text;

namespace Mosel.Experiments.Reporting;

/// <summary>report.md: the same content as report.html, figures linked (PNG, SVG, CSV) rather than inlined.</summary>
public static class MarkdownReport
{
    public const string File = "report.md";

    public static void Write(string folder, ReportContent content)
    {
        var md = new StringBuilder();
        md.Append($"# {content.Title}\n\n{content.Subtitle}\n\n## Figures\n\n");
        foreach (ReportFigure figure in content.Figures)
        {
            md.Append($"![{figure.Title}]({figure.Png})\n\n{figure.Caption} [SVG]({figure.Svg}) · [numbers (CSV)]({figure.Csv})\n\n");
        }
        md.Append("## Aggregate over seeds\n\nMean ± half-width of the 95 % Student-t interval over seeds.\n\n");
        md.Append("| ").Append(string.Join(" | ", content.Table.Header.Select(Cell))).Append(" |\n|");
        md.Append(string.Concat(content.Table.Header.Select(_ => "---|"))).Append('\n');
        foreach (string[] row in content.Table.Rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }
        foreach (StudyResults study in content.Studies)
        {
            md.Append($"\n## {study.Name}: config and provenance\n\nResults folder: `{Path.GetFullPath(study.Folder)}`\n\n```yaml\n{study.Config.TrimEnd()}\n```\n\n```json\n{study.ProvenanceJson.TrimEnd()}\n```\n");
        }
        System.IO.File.WriteAllText(Path.Combine(folder, File), md.ToString());
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
