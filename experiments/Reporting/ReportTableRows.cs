using System.Globalization;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reporting;

/// <summary>The aggregate table both report formats show: a row per point, the headline metrics as mean ± 95 % interval.</summary>
public static class ReportTableRows
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Build(IReadOnlyList<ReportPoint> points, IReadOnlyList<string> sweptKeys, bool withStudy)
    {
        SummaryColumn[] metrics = SummaryColumns.Headline.ToArray();
        var header = new List<string>();
        if (withStudy)
        {
            header.Add("study");
        }
        header.AddRange(sweptKeys);
        header.AddRange(["policy", "load (req/s)", "seeds", .. metrics.Select(m => m.Label)]);
        var rows = points.Select(p =>
        {
            var cells = new List<string>();
            if (withStudy)
            {
                cells.Add(p.Study.Name);
            }
            cells.AddRange(sweptKeys.Select(p.ValueOf));
            cells.AddRange([PolicyLabels.For(p.Policy), p.Load?.ToString("0.##", CultureInfo.InvariantCulture) ?? "trace", p.Seeds.ToString(CultureInfo.InvariantCulture)]);
            cells.AddRange(metrics.Select(m => Cell(p.Metric(m.CsvName), m.Format, p.Seeds)));
            return cells.ToArray();
        }).ToArray();
        return (header, rows);
    }

    private static string Cell((double Mean, double Ci95) value, string format, int seeds) =>
        !double.IsFinite(value.Mean) ? "—"
        : seeds < 2 ? value.Mean.ToString(format, CultureInfo.InvariantCulture)
        : $"{value.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {value.Ci95.ToString(format, CultureInfo.InvariantCulture)}";
}
