using Mosel.Experiments.Running;
using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>One row per (load, policy): means over seeds of the headline metrics, ± their 95 % interval when there are several seeds, for the terminal.</summary>
public static class SummaryTable
{
    /// <param name="sweptKeys">The study's swept keys: a column each, first.</param>
    public static Table Build(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string key in sweptKeys)
        {
            table.AddColumn(Markup.Escape(key));
        }
        table.AddColumn("load r/s");
        table.AddColumn("policy");
        table.AddColumn(new TableColumn("seeds").RightAligned());
        IReadOnlyList<AggregatePoint> points = AggregatePoint.Build(outcomes);
        // The same points and statistics as aggregate.csv: the headline columns, and the measured-accuracy ones when a run scored requests.
        SummaryColumn[] shown = [.. SummaryColumns.Headline, .. outcomes.Any(o => o.Result.Summary.ScoredRequests > 0) ? SummaryColumns.Scored : []];
        foreach (SummaryColumn column in shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column.Label)).RightAligned());
        }
        int[] indices = shown.Select(c => SummaryColumns.All.ToList().IndexOf(c)).ToArray();
        foreach (AggregatePoint point in points)
        {
            var cells = point.Sweep.Settings.Select(s => Markup.Escape(s.Value)).ToList();
            cells.AddRange([point.LoadQps?.ToString("0.##") ?? "trace", Markup.Escape(point.Policy), point.Seeds.ToString()]);
            cells.AddRange(indices.Select(i => Cell(point.Metrics[i], SummaryColumns.All[i].Format)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Cell(SeedSummary metric, string format) =>
        metric.N < 2 ? metric.Mean.ToString(format) : $"{metric.Mean.ToString(format)} ± {metric.Ci95.ToString(format)}";
}
