using System.Text;

namespace Mosel.Experiments.Reporting;

/// <summary>report.md: the same document as report.html, figures linked (PNG, SVG, CSV) rather than inlined.</summary>
public static class MarkdownReport
{
    public const string File = Formats.ResultFiles.ReportMarkdown;

    public static void Write(string folder, ReportDocument document)
    {
        var md = new StringBuilder();
        md.Append($"# {document.Title}\n");
        foreach (ReportBlock block in document.Blocks)
        {
            md.Append('\n');
            switch (block)
            {
                case ReportHeading heading:
                    md.Append($"## {heading.Text}\n");
                    break;
                case ReportParagraph paragraph:
                    md.Append(paragraph.Text).Append('\n');
                    break;
                case ReportList list:
                    md.Append(string.Concat(list.Items.Select(item => $"- {item}\n")));
                    break;
                case ReportTable table:
                    md.Append($"## {table.Title}\n\n");
                    if (table.Note is { } note)
                    {
                        md.Append(note).Append("\n\n");
                    }
                    md.Append("| ").Append(string.Join(" | ", table.Columns.Select(Cell))).Append(" |\n|");
                    md.Append(string.Concat(table.Columns.Select(_ => "---|"))).Append('\n');
                    foreach (IReadOnlyList<string> row in table.Rows)
                    {
                        md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    }
                    break;
                case ReportFigure figure:
                    md.Append($"![{figure.Title}]({figure.Png})\n\n{figure.Caption} [SVG]({figure.Svg}) · [numbers (CSV)]({figure.Csv})\n");
                    break;
                case ReportCode code:
                    md.Append($"`{code.Name}`:\n\n```{code.Language}\n{code.Text.TrimEnd()}\n```\n");
                    break;
                default:
                    throw new ArgumentException($"a report block Markdown cannot write: {block}", nameof(document));
            }
        }
        System.IO.File.WriteAllText(Path.Combine(folder, File), md.ToString());
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
