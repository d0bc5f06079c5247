using Mosel.Experiments.Running;
using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>One row per (load, policy): means over seeds of summary metrics, ± their 95 % interval when there are several seeds, for the terminal.</summary>
public static class SummaryTable
{
    /// <summary>The headline metrics.</summary>
    /// <param name="sweptKeys">The study's swept keys: a column each, first.</param>
    public static Table Build(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes) =>
        Build(sweptKeys, outcomes, SummaryColumns.Headline.Select(c => (c, c.Label)).ToArray());

    /// <summary>
    /// Measured beside predicted accuracy, for a study whose runs scored requests (null when none did): the profile's
    /// served accuracy and share of jobs at target next to the measured ones and what sampling alone would give.
    /// </summary>
    public static Table? BuildScored(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes)
    {
        if (!outcomes.Any(o => o.Result.Summary.ScoredRequests > 0))
        {
            return null;
        }
        (SummaryColumn, string)[] shown =
        [
            Labelled("scored_requests"),
            (SummaryColumns.Named("mean_served_accuracy"), "predicted accuracy"),
            Labelled("measured_served_accuracy"),
            Labelled("measured_served_accuracy_sd"),
            (SummaryColumns.Named("share_jobs_meeting_target"), "≥ target (profile)"),
            Labelled("share_jobs_meeting_target_measured"),
            Labelled("share_jobs_meeting_target_expected"),
            Labelled("share_jobs_meeting_target_expected_sd"),
        ];
        return Build(sweptKeys, outcomes, shown);
    }

    private static (SummaryColumn, string) Labelled(string csvName)
    {
        SummaryColumn column = SummaryColumns.Named(csvName);
        return (column, column.Label);
    }

    private static Table Build(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes, IReadOnlyList<(SummaryColumn Column, string Label)> shown)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string key in sweptKeys)
        {
            table.AddColumn(Markup.Escape(key));
        }
        table.AddColumn("load r/s");
        table.AddColumn("policy");
        table.AddColumn(new TableColumn("seeds").RightAligned());
        foreach ((_, string label) in shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }
        // The same points and statistics as aggregate.csv.
        int[] indices = shown.Select(s => SummaryColumns.All.ToList().IndexOf(s.Column)).ToArray();
        foreach (AggregatePoint point in AggregatePoint.Build(outcomes))
        {
            var cells = point.Sweep.Settings.Select(s => TerminalText.Markup(s.Value)).ToList();
            cells.AddRange([point.LoadQps?.ToString("0.##") ?? "trace", Markup.Escape(point.Policy), point.Seeds.ToString()]);
            cells.AddRange(indices.Select(i => Cell(point.Metrics[i], SummaryColumns.All[i].Format)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Cell(SeedSummary metric, string format) =>
        metric.N < 2 ? metric.Mean.ToString(format) : $"{metric.Mean.ToString(format)} ± {metric.Ci95.ToString(format)}";
}
