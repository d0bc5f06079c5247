using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Statistics;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Spectre.Console;
using TraceOptions = Mosel.Experiments.Configuration.TraceOptions;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel bench sim</c>: simulator speed and memory on the Twitter trace (numbers quoted in docs/performance.md).</summary>
public static class BenchCommand
{
    /// <summary>The profile docs/performance.md's numbers are measured with.</summary>
    private const string DefaultProfile = "profiles/tvlt.h100-interim.yaml";

    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks whose numbers docs/performance.md quotes");
        command.Subcommands.Add(CreateSimulator());
        command.Subcommands.Add(CreateSolvers());
        command.Subcommands.Add(CreateReproduce());
        return command;
    }

    private static Command CreateSolvers()
    {
        var profile = new Option<string>("--profile") { Description = "Profile YAML", DefaultValueFactory = _ => DefaultProfile };
        var instances = new Option<int>("--instances") { Description = "Random queues per size for the exact solver", DefaultValueFactory = _ => 2000 };
        var orTools = new Option<int>("--ortools-instances") { Description = "Random queues per size for OR-Tools", DefaultValueFactory = _ => 200 };
        var limit = new Option<double>("--time-limit-ms") { Description = "OR-Tools time limit per decision", DefaultValueFactory = _ => 100 };
        Option<FileInfo?> json = JsonOption();
        var command = new Command("solvers", "Offline matrix build time and online decision time (exact vs OR-Tools)")
        {
            profile, instances, orTools, limit, json,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string? jsonPath = CheckJson(parse.GetValue(json));
            IReadOnlyList<BenchFigure> figures = SolverBenchmark.Run(ProfileFile.Load(Path.Combine(RepoPaths.Root(), parse.GetValue(profile)!)), parse.GetValue(instances),
                parse.GetValue(orTools), parse.GetValue(limit) / 1000);
            Export(jsonPath, "solvers", parse, figures);
            return 0;
        }));
        return command;
    }

    private static Command CreateReproduce()
    {
        var engine = new Option<string>("--engine", "-e") { Description = "Engines whose reproduction is timed: reference, ideal or both (each timed alone, then together)", DefaultValueFactory = _ => "both" };
        var repeat = new Option<int>("--repeat") { Description = "Timed repetitions of each (after one warm-up run of the quick reproduction)", DefaultValueFactory = _ => 3 };
        var quick = new Option<bool>("--quick") { Description = "Time the quick reproduction (one seed, short runs)" };
        Option<FileInfo?> json = JsonOption();
        var command = new Command("reproduce", "Wall time of the whole paper's reproduction (every figure, into a temporary folder that is removed)")
        {
            engine, repeat, quick, json,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string? jsonPath = CheckJson(parse.GetValue(json));
            IReadOnlyList<BenchFigure> figures = ReproductionBenchmark.Run(ReproductionEngine.Parse(parse.GetValue(engine)), parse.GetValue(repeat), parse.GetValue(quick));
            Export(jsonPath, "reproduce", parse, figures);
            return 0;
        }));
        return command;
    }

    private static Command CreateSimulator()
    {
        var hours = new Option<double>("--hours") { Description = "Hours of the Twitter trace to replay", DefaultValueFactory = _ => 1 };
        var meanQps = new Option<double>("--mean-qps") { Description = "Rescale the trace window to this mean rate", DefaultValueFactory = _ => 60 };
        var policies = new Option<string>("--policies") { Description = "Comma-separated policies", DefaultValueFactory = _ => "none,fp16,dynamic,dynamic+fp16" };
        var records = new Option<string>("--records") { Description = "off (windows and summary only) or stream (per-job CSV to a temporary file)", DefaultValueFactory = _ => "off" };
        var repeat = new Option<int>("--repeat") { Description = "Timed repetitions (after at least a second of untimed runs); the median and min–max are reported", DefaultValueFactory = _ => 5 };
        var profile = new Option<string>("--profile") { Description = "Profile YAML", DefaultValueFactory = _ => DefaultProfile };
        Option<FileInfo?> json = JsonOption();
        var command = new Command("sim", "Simulated jobs per wall-second and peak memory, one core, on the Twitter trace")
        {
            hours, meanQps, policies, records, repeat, profile, json,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string? jsonPath = CheckJson(parse.GetValue(json));
            IReadOnlyList<BenchFigure> figures = RunSimulator(parse.GetValue(hours), parse.GetValue(meanQps), parse.GetValue(policies)!, parse.GetValue(records)!,
                parse.GetValue(repeat), parse.GetValue(profile)!);
            Export(jsonPath, "sim", parse, figures);
            return 0;
        }));
        return command;
    }

    private static Option<FileInfo?> JsonOption() =>
        new("--json") { Description = "Also write the figures, with the machine, runtime and commit, to this JSON file (a file an earlier mosel bench wrote is replaced)" };

    /// <summary>The --json file's full path, refused before anything is measured if it is not Mosel's to replace.</summary>
    private static string? CheckJson(FileInfo? json)
    {
        if (json is not null)
        {
            BenchExport.CheckTarget(json.FullName);
        }
        return json?.FullName;
    }

    /// <summary>Writes the figures to --json, with every option as given (defaults included) as the settings.</summary>
    private static void Export(string? path, string bench, ParseResult parse, IReadOnlyList<BenchFigure> figures)
    {
        if (path is null)
        {
            return;
        }
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Option option in parse.CommandResult.Command.Options.Where(o => o.Name != "--json" && !o.Name.StartsWith("--help", StringComparison.Ordinal) && o.Name != "-?"))
        {
            if (parse.GetResult(option) is { } result && result.GetValueOrDefault<object?>() is { } value)
            {
                settings[option.Name.TrimStart('-')] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }
        BenchExport.Write(path, bench, settings, figures);
        AnsiConsole.MarkupLine($"figures written to {Markup.Escape(path)}");
    }

    private static List<BenchFigure> RunSimulator(double hours, double meanQps, string policyList, string records, int repeat, string profilePath)
    {
        if (repeat < 1)
        {
            throw new ConfigException($"--repeat: must be at least 1, found {repeat}");
        }
        if (records is not ("off" or "stream"))
        {
            throw new ConfigException($"--records: must be 'off' or 'stream', found '{records}'");
        }
        string root = RepoPaths.Root();
        var options = new ExperimentOptions
        {
            Name = "bench-sim",
            Profile = Path.Combine(root, profilePath),
            Policies = policyList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Workload = new WorkloadOptions
            {
                Arrivals = "trace",
                Trace = new TraceOptions
                {
                    File = Path.Combine(root, "traces/twitter_2021-08_archiveteam_per_second.txt.gz"),
                    Format = "per_second",
                    DurationS = hours * 3600,
                },
                LoadsQps = [meanQps],
            },
            Scheduler = new SchedulerOptions { DecisionTime = "none" },
            Output = new OutputOptions { JobRecords = records == "stream" },
        };
        ExperimentConfig config = ConfigLoader.Validate(options, Path.Combine(root, "experiments/configs/bench-sim.yaml"));
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "policy", "jobs", "requests", "wall ms (median)", "wall ms (min–max)", "jobs / wall-s (median)", "allocated B / job", "peak RSS MiB", "GC heap after MiB" })
        {
            table.AddColumn(column);
        }
        var figures = new List<BenchFigure>();
        foreach (RunSpec run in config.Runs())
        {
            BenchmarkWarmUp.Run(() => RunOnce(config, run));
            var runs = Enumerable.Range(0, repeat).Select(_ => RunOnce(config, run)).ToList();
            double[] times = runs.Select(r => r.WallSeconds).ToArray();
            double median = times.Median();
            RunSummary summary = runs[^1].Summary;
            table.AddRow(run.Policy, summary.SubmittedJobs.ToString("N0"), summary.SubmittedRequests.ToString("N0"),
                (median * 1000).ToString("0.0"), $"{times.Min() * 1000:0.0}–{times.Max() * 1000:0.0}", (summary.SubmittedJobs / median).ToString("N0"),
                ((double)runs[^1].AllocatedBytes / summary.SubmittedJobs).ToString("N0"),
                (Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("0"), (GC.GetTotalMemory(true) / 1048576.0).ToString("0.0"));
            figures.Add(BenchFigure.Of($"sim {run.Policy}", "ms", [.. times.Select(t => t * 1000)]) with
            {
                CpuSecondsMedian = runs.Select(r => r.CpuSeconds).Median(),
                AllocatedBytesPerJob = (double)runs[^1].AllocatedBytes / summary.SubmittedJobs,
            });
        }
        AnsiConsole.MarkupLine($"Twitter trace, first {hours} h rescaled to mean {meanQps} req/s, profile {Markup.Escape(config.Profile.Name)}, per-job records {records}, one thread, {repeat} timed repetitions after at least a second of untimed runs");
        AnsiConsole.Write(table);
        return figures;
    }

    /// <summary>One run of the bench, its records (if any) streamed to a temporary file that is removed.</summary>
    private static (RunSummary Summary, double WallSeconds, double CpuSeconds, long AllocatedBytes) RunOnce(ExperimentConfig config, RunSpec run)
    {
        string temp = Path.GetTempFileName();
        try
        {
            using CsvRunRecorder? recorder = config.JobRecords ? new CsvRunRecorder(run, config.Profile, [], temp, temp + ".d") : null;
            using RunParts parts = ExperimentRunner.Build(config, run, recorder, FrozenClock.Instance);
            // Bytes allocated by the run itself: unlike wall time, the same on a busy and a quiet machine.
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long started = Stopwatch.GetTimestamp();
            RunSummary summary = parts.Simulation.Run().Summary;
            double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            return (summary, wall, cpu, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".d");
        }
    }
}
