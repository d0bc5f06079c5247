using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Reproduction.Figures;
using Mosel.Experiments.Safety;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel reproduce [--figure N|all] [--engine reference|ideal|both] [--quick] [--out DIR] [--profile FILE] [--config-dir DIR] [--scale S] [--jobs N]</c></summary>
public static class ReproduceCommand
{
    public static Command Create()
    {
        var figure = new Option<string[]>("--figure", "-f") { Description = $"Figures to reproduce: {string.Join(", ", PaperFigures.Ids)} or all (repeatable)", DefaultValueFactory = _ => ["all"] };
        var quick = new Option<bool>("--quick") { Description = "One seed and short runs (under a minute): for CI and smoke checks" };
        var engine = new Option<string>("--engine", "-e") { Description = "Engines to reproduce under: reference (as the authors built it), ideal (the algorithm as stated) or both", DefaultValueFactory = _ => "both" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Results folder (default: results/reproduce, or results/reproduce-quick); an earlier Mosel results folder there is replaced, anything else is refused" };
        var profile = new Option<FileInfo?>("--profile", "-p") { Description = "A model profile that replaces TVLT's in every experiment (e.g. one just measured with mosel profile); Fig. 1 draws it, ViLT's Fig. 5 is left out" };
        var configDir = new Option<DirectoryInfo?>("--config-dir") { Description = "A folder of experiment configs (same file names) used instead of experiments/configs; its reference/ folder for the reference engine" };
        var scale = ScaleOption.Create();
        var jobs = JobsOption.Create();
        var command = new Command("reproduce", "Run the paper's experiments, render its figures (PNG, SVG and the numbers drawn as CSV) and write report.html and report.md")
        {
            figure, engine, quick, output, profile, configDir, scale.Scale, jobs.Jobs,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            bool isQuick = parse.GetValue(quick);
            string[] requested = parse.GetValue(figure) ?? ["all"];
            var figures = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string f in requested.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (f.Equals("all", StringComparison.OrdinalIgnoreCase))
                {
                    figures.UnionWith(PaperFigures.Ids);
                }
                else if (PaperFigures.Ids.Contains(f, StringComparer.OrdinalIgnoreCase))
                {
                    figures.Add(f);
                }
                else
                {
                    throw new ConfigException($"--figure: unknown figure '{f}' (known: {string.Join(", ", PaperFigures.Ids)}, all)");
                }
            }
            IReadOnlyList<ReproductionEngine> engines = ReproductionEngine.Parse(parse.GetValue(engine));
            int? parallelism = jobs.Read(parse);
            double factor = scale.Read(parse);
            string? profilePath = parse.GetValue(profile)?.FullName;
            if (profilePath is not null)
            {
                // Read now: a bad profile is one line before anything runs.
                ProfileFile.Load(profilePath);
            }
            string? configs = parse.GetValue(configDir)?.FullName;
            if (configs is not null && !Directory.Exists(configs))
            {
                throw new ConfigException($"--config-dir: {configs}: no such folder");
            }
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine("results", isQuick ? "reproduce-quick" : "reproduce");
            using var folder = new ResultsFolder(outDir, OutputKind.Reproduction);
            ReproductionReport report = PaperReproduction.Run(new ReproductionOptions(folder.StagingPath, isQuick, PaperFigures.All.Where(f => figures.Contains(f.Id)).ToArray(), engines, parallelism, profilePath, configs, factor), message => AnsiConsole.MarkupLine(Markup.Escape(message)));
            folder.Commit();
            string[][] claims = [.. ReproductionDocument.ClaimRows(report.Headline, engines)];
            // Figures chosen without the headline numbers have no claims to show: no empty table.
            if (claims.Length > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns(["claim", "at", "paper", .. engines.Select(e => $"{e.Name} engine")]);
                foreach (string[] cells in claims)
                {
                    table.AddRow(cells.Select(Markup.Escape).ToArray());
                }
                AnsiConsole.Write(table);
            }
            AnsiConsole.MarkupLine($"{report.Figures.Count} figures, {ReportFiles.Names} in {Markup.Escape(folder.FinalPath)} ({report.WallSeconds:0.0} s)");
            return 0;
        }));
        return command;
    }
}
