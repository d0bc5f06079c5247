using System.Globalization;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reporting;

/// <summary>The aggregate table of <c>mosel report</c>: a row per point, the headline metrics as mean ± 95 % interval.</summary>
public static class ReportTableRows
{
    public static ReportTable Build(IReadOnlyList<ReportPoint> points, IReadOnlyList<string> sweptKeys, bool withStudy)
    {
        SummaryColumn[] metrics = [.. SummaryColumns.Headline];
        string[] study = withStudy ? ["study"] : [];
        string[] header = [.. study, .. sweptKeys, "policy", "load (req/s)", "seeds", .. metrics.Select(m => m.Label)];
        IReadOnlyList<string>[] rows = [.. points.Select(p => (IReadOnlyList<string>)
        [
            .. withStudy ? [p.Study.Name] : Array.Empty<string>(),
            .. sweptKeys.Select(p.ValueOf),
            PolicyLabels.For(p.Policy), p.Load?.ToString("0.##", CultureInfo.InvariantCulture) ?? "trace", p.Seeds.ToString(CultureInfo.InvariantCulture),
            .. metrics.Select(m => Cell(m, p)),
        ])];
        return new ReportTable("Aggregate over seeds", header, rows,
            "Mean ± half-width of the 95 % Student-t interval over seeds (a single seed: the value alone). Every metric: `aggregate.csv` of each results folder.");
    }

    private static string Cell(SummaryColumn metric, ReportPoint point)
    {
        (double mean, double ci95) = point.Metric(metric);
        return metric.Cell(mean, ci95, point.Seeds);
    }
}
