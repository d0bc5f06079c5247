using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
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
        var dryRun = new Option<bool>("--dry-run") { Description = "List the runs (id, swept values, policy, load, seed) and their count; run nothing, write nothing" };
        var shard = new Option<string?>("--shard") { Description = "Run shard I of N (I/N, 0 <= I < N) of the study's runs, split by run id and cost the same way everywhere; combine shards with mosel merge" };
        var resume = new Option<bool>("--resume") { Description = "Do nothing when --out already holds these runs' results (same config, shard and Mosel build): a re-submitted job array runs only the shards that did not finish" };
        var command = new Command("simulate", "Run a config's study (sweep points x policies x loads x seeds) in the simulator and write a results folder")
        {
            config, set, output, executor, device, budget.MaxEvents, budget.Force, jobs.Jobs, dryRun, shard, resume,
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
            ShardSpec? part = parse.GetValue(shard) is string text ? ShardSpec.Parse(text) : null;
            Study study = ConfigLoader.LoadStudy(parse.GetValue(config)!.FullName, overrides);
            ExperimentSession.Resolve(study, budget.Read(parse));
            if (part is not null)
            {
                study = study.Only(ShardPlan.Runs(study, part));
            }
            if (parse.GetValue(dryRun))
            {
                AnsiConsole.Write(RunList.Build(study));
                AnsiConsole.MarkupLine($"{study.Runs.Count} runs ({study.Points.Count} sweep points); nothing was run or written.");
                return 0;
            }
            string outDir = parse.GetValue(output)?.FullName
                ?? Path.Combine("results", part is null ? study.Name : $"{study.Name}.shard-{part.Index}-of-{part.Count}");
            if (parse.GetValue(resume) && CompletedRuns.AlreadyHeld(outDir, study, part))
            {
                // What killed runs left beside the folder goes even when nothing is run.
                Staging.RemoveStaleFolders(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
                AnsiConsole.MarkupLine($"{Markup.Escape(outDir)} already holds these {study.Runs.Count} runs (same config, shard and Mosel build); nothing to run.");
                return 0;
            }
            using var folder = new ResultsFolder(outDir, OutputKind.Simulation);
            IReadOnlyList<RunOutcome> outcomes = RunWithProgress(study, folder.StagingPath, parallelism);
            if (part is not null)
            {
                ShardManifest.For(study, part, folder.StagingPath).Write(folder.StagingPath);
            }
            folder.Commit();
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(study.Name)}[/] — {Markup.Escape(study.Profile.Name)} profile, {outcomes.Count} runs").LeftJustified());
            foreach (Table table in SummaryTable.Build(study.SweptKeys, outcomes))
            {
                AnsiConsole.Write(table);
            }
            if (SummaryTable.BuildScored(study.SweptKeys, outcomes) is { } scored)
            {
                AnsiConsole.MarkupLine("Measured accuracy: each request's prediction scored against its test sample's label (docs/real-execution.md):");
                foreach (Table table in scored)
                {
                    AnsiConsole.Write(table);
                }
            }
            AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(folder.FinalPath)}[/] ({string.Join(", ", Written(study.Points[0]))})");
            return 0;
        }));
        return command;
    }

    /// <summary>The files a run of the config writes, in the order the output files are documented.</summary>
    private static IEnumerable<string> Written(ExperimentConfig experiment)
    {
        string[] records = experiment.JobRecords && ResultsWriter.RecordFiles(experiment) is var (jobs, decisions) ? [jobs, decisions] : [];
        return [ResultFiles.Summary, ResultFiles.Aggregate, ResultFiles.SummaryJson, ResultFiles.Windows, ResultFiles.JobAccuracy, .. records,
            ResultFiles.ResolvedConfig, ResultFiles.Provenance];
    }

    private static IReadOnlyList<RunOutcome> RunWithProgress(Study study, string directory, int? parallelism)
    {
        int runs = study.Runs.Count;
        return runs > 1
            ? RunProgress.Track(study.Name, runs, completed => ExperimentSession.Run(study, directory, completed, parallelism))
            : ExperimentSession.Run(study, directory, parallelism: parallelism);
    }
}
