using System.Net;
using System.Text;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// report.html: one self-contained file (figures inline as PNG data, no external script, style or font), the aggregate
/// table, each study's resolved config and provenance. A small inline script checks that every figure decoded and
/// shows a warning on the page (and in the browser console) when one did not.
/// </summary>
public static class HtmlReport
{
    public const string File = "report.html";

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

    public static void Write(string folder, ReportContent content)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{E(content.Title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n")
            .Append($"<h1>{E(content.Title)}</h1>\n<p>{E(content.Subtitle)}</p>\n")
            .Append("<div id=\"render-warning\" hidden></div>\n<h2>Figures</h2>\n");
        foreach (ReportFigure figure in content.Figures)
        {
            string data = Convert.ToBase64String(System.IO.File.ReadAllBytes(Path.Combine(folder, figure.Png)));
            html.Append($"<figure>\n<img alt=\"{E(figure.Title)}\" src=\"data:image/png;base64,{data}\">\n")
                .Append($"<figcaption>{E(figure.Caption)} <a href=\"{E(figure.Svg)}\">SVG</a> · <a href=\"{E(figure.Csv)}\">numbers (CSV)</a></figcaption>\n</figure>\n");
        }
        html.Append("<h2>Aggregate over seeds</h2>\n<p>Mean ± half-width of the 95 % Student-t interval over seeds (a single seed: the value alone). Every metric: <code>aggregate.csv</code> of each results folder.</p>\n<table>\n<tr>");
        foreach (string column in content.Table.Header)
        {
            html.Append($"<th>{E(column)}</th>");
        }
        html.Append("</tr>\n");
        foreach (string[] row in content.Table.Rows)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(cell => $"<td>{E(cell)}</td>"))).Append("</tr>\n");
        }
        html.Append("</table>\n");
        foreach (StudyResults study in content.Studies)
        {
            html.Append($"<h2>{E(study.Name)}: config and provenance</h2>\n<p>Results folder: <code>{E(Path.GetFullPath(study.Folder))}</code></p>\n")
                .Append($"<details open><summary>config.resolved.yaml</summary>\n<pre>{E(study.Config)}</pre>\n</details>\n")
                .Append($"<details><summary>provenance.json</summary>\n<pre>{E(study.ProvenanceJson)}</pre>\n</details>\n");
        }
        html.Append($"<script>\n{Check}</script>\n</body>\n</html>\n");
        System.IO.File.WriteAllText(Path.Combine(folder, File), html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
