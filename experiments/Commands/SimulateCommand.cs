using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel simulate --config FILE [--set key=value ...] [--out DIR]</c></summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Experiment YAML (see experiments/configs)", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key, e.g. --set workload.slack_ms=40 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Results folder (default: results/<config name>); replaced when the run succeeds" };
        var executor = new Option<string?>("--executor") { Description = "profile (replay the profile) or torch (real forward passes; same as --set executor.kind=...)" };
        var device = new Option<string?>("--device") { Description = "cpu or cuda, with --executor torch (same as --set executor.device=...)" };
        var command = new Command("simulate", "Run one experiment (policies x loads x seeds) in the simulator and write a results folder")
        {
            config, set, output, executor, device,
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
            ExperimentConfig experiment = ConfigLoader.Load(parse.GetValue(config)!.FullName, overrides);
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine("results", experiment.Name);
            Execute(experiment, outDir);
            return 0;
        }));
        return command;
    }

    public static IReadOnlyList<RunOutcome> Execute(ExperimentConfig experiment, string outDir, bool quiet = false)
    {
        using var folder = new ResultsFolder(outDir);
        Func<RunSpec, IRunRecorder?>? recorders = experiment.JobRecords
            ? run => new CsvRunRecorder(run, experiment.Profile, folder.File(ResultsWriter.JobsPart(run.Index)), folder.File(ResultsWriter.DecisionsPart(run.Index)))
            : null;
        IReadOnlyList<RunSpec> runs = experiment.Runs();
        IReadOnlyList<RunOutcome> outcomes;
        if (!quiet && runs.Count > 1 && AnsiConsole.Profile.Capabilities.Interactive)
        {
            outcomes = AnsiConsole.Progress().Start(context =>
            {
                ProgressTask task = context.AddTask($"{experiment.Name}: {runs.Count} runs", maxValue: runs.Count);
                return ExperimentRunner.Run(experiment, recorders, _ => task.Increment(1));
            });
        }
        else
        {
            outcomes = ExperimentRunner.Run(experiment, recorders);
        }
        RunOutcome? broken = outcomes.FirstOrDefault(o => !o.Result.Summary.ConservationHolds);
        if (broken is not null)
        {
            throw new InvalidOperationException($"run {broken.Run.Label} lost jobs: submitted != met + late + dropped + queued");
        }
        ResultsWriter.Write(folder, experiment, outcomes);
        folder.Commit();
        if (!quiet)
        {
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(experiment.Name)}[/] — {Markup.Escape(experiment.Profile.Name)} profile, {runs.Count} runs").LeftJustified());
            AnsiConsole.Write(SummaryTable.Build(outcomes));
            AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(folder.FinalPath)}[/] (summary.csv, windows.csv, accuracy_hist.csv{(experiment.JobRecords ? ", jobs.csv, decisions.csv" : "")}, config.resolved.yaml)");
        }
        return outcomes;
    }
}
