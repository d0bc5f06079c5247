using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;
using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>One row per (load, policy): means over seeds of the headline metrics, for the terminal.</summary>
public static class SummaryTable
{
    public static Table Build(IReadOnlyList<RunOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("load r/s");
        table.AddColumn("policy");
        table.AddColumn(new TableColumn("seeds").RightAligned());
        table.AddColumn(new TableColumn("goodput r/s").RightAligned());
        table.AddColumn(new TableColumn("SLO viol").RightAligned());
        table.AddColumn(new TableColumn("p50 ms").RightAligned());
        table.AddColumn(new TableColumn("p99 ms").RightAligned());
        table.AddColumn(new TableColumn("accuracy").RightAligned());
        table.AddColumn(new TableColumn("≥ target").RightAligned());
        foreach (var group in outcomes.GroupBy(o => (o.Run.LoadQps, o.Run.Policy)))
        {
            RunSummary[] s = group.Select(o => o.Result.Summary).ToArray();
            table.AddRow(
                group.Key.LoadQps?.ToString("0.##") ?? "trace",
                group.Key.Policy,
                s.Length.ToString(),
                s.Average(x => x.ThroughputRps).ToString("0.0"),
                s.Average(x => x.ViolationRatio).ToString("0.0%"),
                Mean(s.Select(x => x.JctP50Seconds * 1000)).ToString("0.0"),
                Mean(s.Select(x => x.JctP99Seconds * 1000)).ToString("0.0"),
                Mean(s.Select(x => x.MeanServedAccuracy)).ToString("0.0000"),
                Mean(s.Select(x => x.ShareJobsMeetingTarget)).ToString("0.0%"));
        }
        return table;
    }

    private static double Mean(IEnumerable<double> values) => Reproduction.Aggregate.MeanCi(values.ToArray()).Mean;
}
