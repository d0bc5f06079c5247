using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Experiments.Sessions;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel simulate --config FILE [--set key=value ...] [--out DIR] [--jobs N]</c></summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Experiment YAML (see experiments/configs)", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key, e.g. --set workload.slack_ms=40 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Results folder (default: results/<config name>); an earlier Mosel results folder there is replaced when the run succeeds, anything else is refused" };
        var executor = new Option<string?>("--executor") { Description = "profile (replay the profile) or torch (real forward passes; same as --set executor.kind=...)" };
        var device = new Option<string?>("--device") { Description = "cpu or cuda, with --executor torch (same as --set executor.device=...)" };
        var budget = BudgetOptions.Create();
        var jobs = JobsOption.Create();
        var command = new Command("simulate", "Run one experiment (policies x loads x seeds) in the simulator and write a results folder")
        {
            config, set, output, executor, device, budget.MaxEvents, budget.Force, jobs.Jobs,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            var overrides = new List<string>(parse.GetValue(set) ?? []);
            if (parse.GetValue(executor) is string kind)
            {
                overrides.Add($"executor.kind={kind}");
            }
            if (parse.GetValue(device) is string deviceName)
            {
                overrides.Add($"executor.device={deviceName}");
            }
            int? parallelism = jobs.Read(parse);
            ExperimentConfig experiment = ConfigLoader.Load(parse.GetValue(config)!.FullName, overrides);
            ExperimentSession.Resolve(experiment, budget.Read(parse));
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine("results", experiment.Name);
            using var folder = new ResultsFolder(outDir);
            IReadOnlyList<RunOutcome> outcomes = RunWithProgress(experiment, folder.StagingPath, parallelism);
            folder.Commit();
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(experiment.Name)}[/] — {Markup.Escape(experiment.Profile.Name)} profile, {outcomes.Count} runs").LeftJustified());
            AnsiConsole.Write(SummaryTable.Build(outcomes));
            AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(folder.FinalPath)}[/] (summary.csv, aggregate.csv, summary.json, windows.csv, accuracy_hist.csv{Records(experiment)}, config.resolved.yaml, provenance.json)");
            return 0;
        }));
        return command;
    }

    private static string Records(ExperimentConfig experiment) =>
        experiment.JobRecords && ResultsWriter.RecordFiles(experiment) is var (jobs, decisions) ? $", {jobs}, {decisions}" : "";

    private static IReadOnlyList<RunOutcome> RunWithProgress(ExperimentConfig experiment, string directory, int? parallelism)
    {
        int runs = experiment.Runs().Count;
        return runs > 1
            ? RunProgress.Track(experiment.Name, runs, completed => ExperimentSession.Run(experiment, directory, completed, parallelism))
            : ExperimentSession.Run(experiment, directory, parallelism: parallelism);
    }
}
