using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Sessions;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// <c>mosel fidelity --config FILE</c>: the same trace through the profile-replay executor and through
/// real forward passes, and the relative error of each headline metric.
/// </summary>
public static class FidelityCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Experiment YAML with executor.kind: torch", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key (repeatable)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for fidelity.csv and the measured profile (default: results/fidelity-<name>)" };
        var keepProfile = new Option<bool>("--keep-profile") { Description = "Use the config's profile as it is instead of re-measuring it here" };
        var command = new Command("fidelity", "Compare profile replay with real execution on one trace: relative error per metric") { config, set, output, keepProfile };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string[] overrides = parse.GetValue(set) ?? [];
            ExperimentConfig torchConfig = FidelitySession.Load(parse.GetValue(config)!.FullName, overrides);
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine("results", $"fidelity-{torchConfig.Name}");
            using var folder = new ResultsFolder(outDir, OutputKind.Fidelity);
            IReadOnlyList<FidelityRow> rows = FidelitySession.Run(torchConfig, overrides, folder.StagingPath, !parse.GetValue(keepProfile),
                message => AnsiConsole.MarkupLine(Markup.Escape(message)), work => ConsoleProgress.Run("profiling", work));
            folder.Commit();
            var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "metric", "profile replay", "real execution", "relative error", "absolute difference");
            foreach (FidelityRow row in rows)
            {
                table.AddRow(Markup.Escape(row.Run.Label), Markup.Escape(row.Metric.Label), row.Replay.ToString(row.Metric.Format), row.Real.ToString(row.Metric.Format),
                    row.RelativeError.ToString("0.0%"), row.AbsoluteDifference.ToString("0.####"));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape($"fidelity.csv in {folder.FinalPath}"));
            return 0;
        }));
        return command;
    }
}
