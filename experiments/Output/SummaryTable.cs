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
        foreach (SummaryColumn column in SummaryColumns.Headline)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column.Label)).RightAligned());
        }
        // The same points and statistics as aggregate.csv, headline columns only.
        int[] headline = SummaryColumns.Headline.Select(c => SummaryColumns.All.ToList().IndexOf(c)).ToArray();
        foreach (AggregatePoint point in AggregatePoint.Build(outcomes))
        {
            var cells = point.Sweep.Settings.Select(s => Markup.Escape(s.Value)).ToList();
            cells.AddRange([point.LoadQps?.ToString("0.##") ?? "trace", Markup.Escape(point.Policy), point.Seeds.ToString()]);
            cells.AddRange(headline.Select(i => Cell(point.Metrics[i], SummaryColumns.All[i].Format)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Cell(SeedSummary metric, string format) =>
        metric.N < 2 ? metric.Mean.ToString(format) : $"{metric.Mean.ToString(format)} ± {metric.Ci95.ToString(format)}";
}
