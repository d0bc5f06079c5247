using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;
using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>One row per (load, policy): means over seeds of the headline metrics, ± their 95 % interval when there are several seeds, for the terminal.</summary>
public static class SummaryTable
{
    public static Table Build(IReadOnlyList<RunOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("load r/s");
        table.AddColumn("policy");
        table.AddColumn(new TableColumn("seeds").RightAligned());
        foreach (SummaryColumn column in SummaryColumns.Headline)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column.Label)).RightAligned());
        }
        foreach (var group in outcomes.GroupBy(o => (o.Run.LoadQps, o.Run.Policy)))
        {
            RunSummary[] s = group.Select(o => o.Result.Summary).ToArray();
            var cells = new List<string> { group.Key.LoadQps?.ToString("0.##") ?? "trace", Markup.Escape(group.Key.Policy), s.Length.ToString() };
            cells.AddRange(SummaryColumns.Headline.Select(c => Cell(SeedStatistics.Describe(s.Select(c.Value).ToArray()), c.Format)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Cell(SeedSummary metric, string format) =>
        metric.N < 2 ? metric.Mean.ToString(format) : $"{metric.Mean.ToString(format)} ± {metric.Ci95.ToString(format)}";
}
