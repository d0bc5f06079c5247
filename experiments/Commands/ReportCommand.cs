using System.CommandLine;
using Mosel.Experiments.Errors;
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
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Report folder (default: NAME-report beside the first results folder NAME, where re-running its config cannot delete it); an earlier Mosel report there is replaced, anything else is refused" };
        var run = new Option<string?>("--run") { Description = "The run_id (summary.csv) whose time series and modality mix are drawn (default: MOSEL at the highest load, lowest seed)" };
        var scale = ScaleOption.Create();
        var where = new Option<string[]>("--where") { Description = "Only the points with KEY=VALUE (policy, load_qps or a swept key as swept); repeatable, every one must hold", AllowMultipleArgumentsPerToken = false };
        var metrics = new Option<string[]>("--metrics") { Description = "The metric figures to draw, by name (throughput_rps, violation_ratio, mean_served_accuracy, jct_p99_ms, …); repeatable or comma-separated; default: every metric the results have" };
        var facet = new Option<string?>("--facet") { Description = "One panel per value of this key (policy, load_qps, study or a swept key); default: panels when a plot would carry more than 8 lines" };
        var color = new Option<string?>("--color") { Description = "The key whose values get a colour each (default: policy)" };
        var style = new Option<string?>("--style") { Description = "The key whose values get a marker each (at most 4 values); default: chosen with the panels" };
        var command = new Command("report", "Figures (PNG, SVG and their numbers as CSV), report.html and report.md for one or more results folders")
        {
            results, output, run, scale.Scale, where, metrics, facet, color, style,
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
            string outDir = parse.GetValue(output)?.FullName ?? BesideResults(folders[0].FullName);
            OutputTarget.CheckNotAnInput(outDir, folders.Select(f => f.FullName), "results folders being reported");
            using var folder = new ResultsFolder(outDir, OutputKind.Report);
            var builder = new ReportBuilder(studies, folder.StagingPath, factor, Layout(parse, where, metrics, facet, color, style));
            ReportDocument document = builder.Document(parse.GetValue(run));
            ReportFiles.Write(folder.StagingPath, document);
            folder.Commit();
            AnsiConsole.MarkupLine($"{document.Figures.Count()} figures, {ReportFiles.Names} in [link]{Markup.Escape(folder.FinalPath)}[/]");
            return 0;
        }));
        return command;
    }

    /// <summary>The figures' layout the options ask for; a --where without '=' is one line.</summary>
    private static ReportLayout Layout(ParseResult parse, Option<string[]> where, Option<string[]> metrics, Option<string?> facet, Option<string?> color, Option<string?> style)
    {
        var filters = new List<(string, string)>();
        foreach (string item in parse.GetValue(where) ?? [])
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigException($"--where: '{item}': expected KEY=VALUE, e.g. --where policy=dynamic");
            }
            filters.Add((item[..eq].Trim(), item[(eq + 1)..].Trim()));
        }
        return new ReportLayout
        {
            Where = filters,
            Metrics = [.. (parse.GetValue(metrics) ?? []).SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            Facet = parse.GetValue(facet),
            Color = parse.GetValue(color),
            Style = parse.GetValue(style),
        };
    }

    /// <summary>
    /// The default report folder: a sibling of the results, not inside them, since re-running a config replaces its whole
    /// results folder (results/study -> results/study-report).
    /// </summary>
    public static string BesideResults(string results)
    {
        string folder = Path.TrimEndingDirectorySeparator(results);
        string name = Path.GetFileName(folder);
        return Path.Combine(Path.GetDirectoryName(folder) ?? folder, (name.Length == 0 ? "results" : name) + "-report");
    }
}
