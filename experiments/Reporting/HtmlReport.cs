using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// report.html: one self-contained file (figures inline as PNG data, no external script, style or font) of the same
/// document as report.md. A small inline script checks that every figure decoded and shows a warning on the page (and in
/// the browser console) when one did not.
/// </summary>
public static partial class HtmlReport
{
    public const string File = Formats.ResultFiles.ReportHtml;

    private const string Style = """
        body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
        figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
        figcaption { font-size: 0.9em; color: #444; margin-top: 0.3em; }
        table { border-collapse: collapse; font-size: 0.85em; } th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
        th { background: #f4f4f4; } td:nth-child(-n+2) { text-align: left; }
        pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.8em; }
        #render-warning { background: #fee; border: 1px solid #c00; padding: 0.5em; }
        """;

    private const string Check = """
        window.addEventListener('load', () => {
          const figures = [...document.querySelectorAll('figure img')];
          const rendered = figures.filter(img => img.complete && img.naturalWidth > 0).length;
          document.body.dataset.figures = String(figures.length);
          document.body.dataset.figuresRendered = String(rendered);
          if (rendered < figures.length) {
            const warning = document.getElementById('render-warning');
            warning.textContent = `${figures.length - rendered} of ${figures.length} figures did not render.`;
            warning.hidden = false;
            console.error(warning.textContent);
          }
        });
        """;

    public static void Write(string folder, ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{E(document.Title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n")
            .Append($"<h1>{E(document.Title)}</h1>\n<div id=\"render-warning\" hidden></div>\n");
        foreach (ReportBlock block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    html.Append($"<h2>{E(heading.Text)}</h2>\n");
                    break;
                case ReportParagraph paragraph:
                    html.Append($"<p>{Marked(paragraph.Text)}</p>\n");
                    break;
                case ReportList list:
                    html.Append("<ul>\n").Append(string.Concat(list.Items.Select(item => $"<li>{Marked(item)}</li>\n"))).Append("</ul>\n");
                    break;
                case ReportTable table:
                    html.Append($"<h2>{E(table.Title)}</h2>\n");
                    if (table.Note is { } note)
                    {
                        html.Append($"<p>{Marked(note)}</p>\n");
                    }
                    html.Append("<table>\n<tr>").Append(string.Concat(table.Columns.Select(c => $"<th>{E(c)}</th>"))).Append("</tr>\n");
                    foreach (IReadOnlyList<string> row in table.Rows)
                    {
                        html.Append("<tr>").Append(string.Concat(row.Select(cell => $"<td>{E(cell)}</td>"))).Append("</tr>\n");
                    }
                    html.Append("</table>\n");
                    break;
                case ReportFigure figure:
                    string data = Convert.ToBase64String(System.IO.File.ReadAllBytes(Path.Combine(folder, figure.Png)));
                    html.Append($"<figure>\n<img alt=\"{E(figure.Title)}\" src=\"data:image/png;base64,{data}\">\n")
                        .Append($"<figcaption>{E(figure.Caption)} <a href=\"{E(figure.Svg)}\">SVG</a> · <a href=\"{E(figure.Csv)}\">numbers (CSV)</a></figcaption>\n</figure>\n");
                    break;
                case ReportCode code:
                    html.Append($"<details{(code.Open ? " open" : "")}><summary>{E(code.Name)}</summary>\n<pre>{E(code.Text)}</pre>\n</details>\n");
                    break;
                default:
                    throw new ArgumentException($"a report block HTML cannot write: {block}", nameof(document));
            }
        }
        html.Append($"<script>\n{Check}</script>\n</body>\n</html>\n");
        System.IO.File.WriteAllText(Path.Combine(folder, File), html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text with Markdown's <c>**bold**</c> and <c>`code`</c> as HTML (everything else escaped).</summary>
    private static string Marked(string text) => Bold().Replace(Code().Replace(E(text), "<code>$1</code>"), "<strong>$1</strong>");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
