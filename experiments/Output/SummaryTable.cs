using Mosel.Experiments.Running;
using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>
/// One row per (load, policy): means over seeds of summary metrics, ± their 95 % interval when there are several seeds, for
/// the terminal. A study with a sweep gets one table per sweep point, titled with its values (keys and file names
/// shortened, see <see cref="KeyNames"/>), so that no row carries the swept values and a row fits a terminal's width.
/// </summary>
public static class SummaryTable
{
    /// <summary>The headline metrics.</summary>
    /// <param name="sweptKeys">The study's swept keys: a table per point of them.</param>
    public static IReadOnlyList<Table> Build(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes) =>
        Build(sweptKeys, outcomes, SummaryColumns.Headline.Select(c => (c, c.Label)).ToArray());

    /// <summary>
    /// Measured beside predicted accuracy, for a study whose runs scored requests (null when none did): the profile's
    /// served accuracy and share of jobs at target next to the measured ones and what sampling alone would give.
    /// </summary>
    public static IReadOnlyList<Table>? BuildScored(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes)
    {
        if (!outcomes.Any(o => o.Result.Summary.ScoredRequests > 0))
        {
            return null;
        }
        (SummaryColumn, string)[] shown =
        [
            Labelled(SummaryColumns.Scored),
            (SummaryColumns.ServedAccuracy, "predicted accuracy"),
            Labelled(SummaryColumns.MeasuredAccuracy),
            Labelled(SummaryColumns.MeasuredAccuracySd),
            (SummaryColumns.AtTarget, "≥ target (profile)"),
            Labelled(SummaryColumns.AtTargetMeasured),
            Labelled(SummaryColumns.AtTargetExpected),
            Labelled(SummaryColumns.AtTargetExpectedSd),
        ];
        return Build(sweptKeys, outcomes, shown);
    }

    private static (SummaryColumn, string) Labelled(SummaryColumn column) => (column, column.Label);

    private static List<Table> Build(IReadOnlyList<string> sweptKeys, IReadOnlyList<RunOutcome> outcomes, IReadOnlyList<(SummaryColumn Column, string Label)> shown)
    {
        // The same points and statistics as aggregate.csv.
        AggregatePoint[] points = [.. AggregatePoint.Build(outcomes)];
        IReadOnlyDictionary<string, string> keys = KeyNames.Shortest(sweptKeys);
        var values = sweptKeys.ToDictionary(k => k, k => KeyNames.Values([.. points.Select(p => p.Sweep.ValueOf(k) ?? "")]), StringComparer.Ordinal);
        int[] indices = shown.Select(s => SummaryColumns.All.ToList().IndexOf(s.Column)).ToArray();
        var tables = new List<Table>();
        foreach (var sweep in points.GroupBy(p => string.Join("  ·  ", sweptKeys.Select(k => $"{keys[k]} = {values[k][p.Sweep.ValueOf(k) ?? ""]}"))))
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (sweep.Key.Length > 0)
            {
                table.Title(TerminalText.Markup(sweep.Key));
            }
            table.AddColumn("load r/s");
            table.AddColumn("policy");
            table.AddColumn(new TableColumn("seeds").RightAligned());
            foreach ((_, string label) in shown)
            {
                table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
            }
            foreach (AggregatePoint point in sweep)
            {
                var cells = new List<string> { point.LoadQps?.ToString("0.##") ?? "trace", Markup.Escape(point.Policy), point.Seeds.ToString() };
                cells.AddRange(indices.Select(i => SummaryColumns.All[i].Cell(point.Metrics[i].Mean, point.Metrics[i].Ci95, point.Metrics[i].N)));
                table.AddRow(cells.ToArray());
            }
            tables.Add(table);
        }
        return tables;
    }
}
