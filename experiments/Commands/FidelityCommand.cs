using System.CommandLine;
using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Executor.Profiling;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// <c>mosel fidelity --config FILE</c>: the same trace through the profile-replay executor and through
/// real forward passes, and the relative error of each headline metric. The profile is first re-measured
/// on this machine (same model, scale and device), so both executors describe the same hardware.
/// </summary>
public static class FidelityCommand
{
    private static readonly (string Name, Func<RunSummary, double> Metric)[] s_metrics =
    [
        ("goodput (req/s)", s => s.ThroughputRps),
        ("SLO violation ratio", s => s.ViolationRatio),
        ("mean served accuracy", s => s.MeanServedAccuracy),
        ("JCT p50 (ms)", s => s.JctP50Seconds * 1000),
        ("JCT p99 (ms)", s => s.JctP99Seconds * 1000),
    ];

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Experiment YAML with executor.kind: torch", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key (repeatable)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for fidelity.csv and the measured profile (default: results/fidelity-<name>)" };
        var reprofile = new Option<bool>("--keep-profile") { Description = "Use the config's profile as it is instead of re-measuring it here" };
        var command = new Command("fidelity", "Compare profile replay with real execution on one trace: relative error per metric") { config, set, output, reprofile };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            ExperimentConfig torchConfig = ConfigLoader.Load(parse.GetValue(config)!.FullName, [.. parse.GetValue(set) ?? [], "executor.kind=torch"]);
            TorchExecution torch = torchConfig.Torch!;
            string outDir = parse.GetValue(output)?.FullName ?? Path.Combine("results", $"fidelity-{torchConfig.Name}");
            using var folder = new ResultsFolder(outDir);
            if (!parse.GetValue(reprofile))
            {
                Precision[] precisions = torchConfig.Policies.Select(Policies.PolicyCatalog.PrecisionOf).Distinct().ToArray();
                int[] sizes = torchConfig.Profile.Table(precisions[0], 0).BatchSizes.ToArray();
                AnsiConsole.MarkupLine(Markup.Escape($"re-measuring {torch.Model} ({torch.Scale.Name}) on {torch.Device} at batch sizes {string.Join(",", sizes)}"));
                ModelProfile measured = ProfileCommand.Measure(torch.Model, torch.Scale, torch.Device, sizes, precisions, 10, 3, torch.LibTorch, out IReadOnlyList<OutOfMemory> _, torch.Weights);
                string profilePath = folder.File("profile.measured.yaml");
                ProfileFile.Save(measured, $"{torch.Model} re-measured for mosel fidelity", profilePath);
                torchConfig = ConfigLoader.Load(parse.GetValue(config)!.FullName, [.. parse.GetValue(set) ?? [], "executor.kind=torch", $"profile={profilePath}"]);
            }
            ExperimentConfig replayConfig = ConfigLoader.Validate(torchConfig.Options.WithProfileReplay(torchConfig.Options.Profile!), torchConfig.SourcePath);
            AnsiConsole.MarkupLine("running the trace with profile replay, then with real forward passes");
            IReadOnlyList<RunOutcome> replay = ExperimentRunner.Run(replayConfig, parallelism: 1);
            IReadOnlyList<RunOutcome> real = ExperimentRunner.Run(torchConfig);
            Table table = Write(folder.File("fidelity.csv"), replay, real);
            folder.Commit();
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape($"fidelity.csv in {folder.FinalPath}"));
            return 0;
        }));
        return command;
    }

    private static Table Write(string path, IReadOnlyList<RunOutcome> replay, IReadOnlyList<RunOutcome> real)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "metric", "profile replay", "real execution", "relative error", "absolute difference");
        using CsvWriter csv = CsvFiles.Create(path);
        csv.WriteRow("policy", "load_qps", "seed", "metric", "profile_replay", "real_execution", "relative_error", "absolute_difference");
        for (int i = 0; i < replay.Count; i++)
        {
            foreach ((string name, Func<RunSummary, double> metric) in s_metrics)
            {
                double a = metric(replay[i].Result.Summary);
                double b = metric(real[i].Result.Summary);
                double error = RelativeError(a, b);
                csv.WriteRow(replay[i].Run.Policy, replay[i].Run.LoadQps, replay[i].Run.Seed, name, a, b, error, Math.Abs(b - a));
                table.AddRow(Markup.Escape(replay[i].Run.Label), Markup.Escape(name), a.ToString("0.####"), b.ToString("0.####"), error.ToString("0.0%"), Math.Abs(b - a).ToString("0.####"));
            }
        }
        return table;
    }

    /// <summary>|real - replay| / |replay|; when the replay value is 0, the absolute difference.</summary>
    public static double RelativeError(double replay, double real) =>
        replay == 0 ? Math.Abs(real) : Math.Abs(real - replay) / Math.Abs(replay);
}
