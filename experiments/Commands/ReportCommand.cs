using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Safety;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel report RESULTS... [--out DIR] [--run ID] [--scale S]</c></summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var results = new Argument<DirectoryInfo[]>("results") { Description = "Results folders written by mosel simulate (one or more)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Report folder (default: report/ in the first results folder); an earlier Mosel report there is replaced, anything else is refused" };
        var run = new Option<string?>("--run") { Description = "The run_id (summary.csv) whose time series and modality mix are drawn (default: MOSEL at the highest load, lowest seed)" };
        var scale = ScaleOption.Create();
        var command = new Command("report", "Figures (PNG, SVG and their numbers as CSV), report.html and report.md for one or more results folders")
        {
            results, output, run, scale.Scale,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            double factor = scale.Read(parse);
            DirectoryInfo[] folders = parse.GetValue(results)!;
            if (folders.GroupBy(f => RealPath.Of(f.FullName), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                // Every run would count twice in the figures and tables.
                throw new ConfigException($"results: {twice.Key} is given twice");
            }
            StudyResults[] studies = folders.Select(f => StudyResults.Load(f.FullName)).ToArray();
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine(folders[0].FullName, "report");
            OutputTarget.CheckNotAnInput(outDir, folders.Select(f => f.FullName), "results folders being reported");
            using var folder = new ResultsFolder(outDir, OutputKind.Report);
            var builder = new ReportBuilder(studies, folder.StagingPath, factor);
            IReadOnlyList<ReportFigure> figures = builder.Build(parse.GetValue(run));
            var content = new ReportContent($"Mosel report: {string.Join(", ", studies.Select(s => s.Name).Distinct())}",
                $"{studies.Sum(s => s.Summary.Rows.Count)} runs from {string.Join(", ", folders.Select(f => f.FullName))}; figures picked from what varies (load, swept keys).",
                studies, figures, ReportTableRows.Build(builder.Points, builder.SweptKeys, studies.Length > 1));
            HtmlReport.Write(folder.StagingPath, content);
            MarkdownReport.Write(folder.StagingPath, content);
            folder.Commit();
            AnsiConsole.MarkupLine($"{figures.Count} figures, {HtmlReport.File} and {MarkdownReport.File} in [link]{Markup.Escape(folder.FinalPath)}[/]");
            return 0;
        }));
        return command;
    }
}
