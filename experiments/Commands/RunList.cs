using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>The runs of a study as <c>--dry-run</c> lists them: stable id, swept values, policy, load, seed.</summary>
public static class RunList
{
    public static Table Build(Study study)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(ResultColumns.RunId);
        foreach (string key in study.SweptKeys)
        {
            table.AddColumn(Markup.Escape(key));
        }
        table.AddColumns("policy", "load r/s", "seed");
        foreach (RunSpec run in study.Runs)
        {
            table.AddRow([run.Id, .. run.Point.Settings.Select(s => TerminalText.Markup(s.Value)), Markup.Escape(run.Policy), run.LoadQps?.ToString("0.##") ?? "trace", run.Seed.ToString()]);
        }
        return table;
    }
}
