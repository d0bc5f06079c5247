using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// <c>mosel slurm submit --config F --shards N [--partition P] [--cpus C] [--out DIR] [--dry-run]</c>: the study as a
/// Slurm job array (scripts/slurm/sweep.sbatch, one task per shard) and a merge job that runs when every task succeeded.
/// </summary>
public static class SlurmCommand
{
    /// <summary>Marks a sweep folder this command created, so a later submission may reuse it.</summary>
    private const string SweepMarker = ".mosel-sweep";

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The study's config", Required = true };
        var shards = new Option<int>("--shards", "-n") { Description = "Array tasks, one shard of the study's runs each", Required = true };
        var partition = new Option<string?>("--partition", "-p") { Description = "Slurm partition (default: the cluster's default)" };
        var cpus = new Option<int>("--cpus") { Description = "CPUs per task (runs at once in a task)", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Sweep folder: shard-I/, logs/ and merged/ (default: results/<config name>.sweep)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the two sbatch commands; submit nothing, write nothing" };
        var submit = new Command("submit", "Submit a study as a Slurm job array (a shard per task) and a dependent merge job")
        {
            config, shards, partition, cpus, output, dryRun,
        };
        submit.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string configPath = parse.GetValue(config)!.FullName;
            Study study = ConfigLoader.LoadStudy(configPath);
            int count = parse.GetValue(shards);
            if (count is < 1 or > ShardSpec.MaxShards)
            {
                throw new ConfigException($"--shards: must be in [1, {ShardSpec.MaxShards}], found {count}");
            }
            int perTask = parse.GetValue(cpus);
            if (perTask is < 1 or > 1024)
            {
                throw new ConfigException($"--cpus: must be in [1, 1024], found {perTask}");
            }
            string sweep = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("results", study.Name + ".sweep"));
            string logs = Path.Combine(sweep, "logs");
            string exports = $"ALL,MOSEL={RepoPaths.Resolve("mosel")},MOSEL_CONFIG={configPath},MOSEL_OUT={sweep}";
            if (exports.Contains(' ', StringComparison.Ordinal) || configPath.Contains(',', StringComparison.Ordinal) || sweep.Contains(',', StringComparison.Ordinal))
            {
                throw new ConfigException($"--out / --config: Slurm's --export cannot carry paths with spaces or commas ({sweep}, {configPath})");
            }
            List<string> common = ["--parsable", $"--cpus-per-task={perTask}", $"--export={exports}"];
            if (parse.GetValue(partition) is string p)
            {
                if (p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ','))
                {
                    throw new ConfigException($"--partition: '{p}' is not a Slurm partition name (letters, digits, '-', '_', '.'; several separated by ',')");
                }
                common.Add($"--partition={p}");
            }
            string[] array = [.. common, $"--array=0-{count - 1}", $"--job-name=mosel-{study.Name}", $"--output={Path.Combine(logs, "shard-%a.out")}", RepoPaths.Resolve("scripts/slurm/sweep.sbatch")];
            string[] Merge(string arrayJob) => [.. common, $"--dependency=afterok:{arrayJob}", $"--job-name=mosel-{study.Name}-merge", $"--output={Path.Combine(logs, "merge.out")}", RepoPaths.Resolve("scripts/slurm/merge.sbatch")];
            if (parse.GetValue(dryRun))
            {
                AnsiConsole.WriteLine($"# {study.Runs.Count} runs of {study.Name} in {count} shards; results in {Path.Combine(sweep, "merged")}");
                // Quoted for the shell and never wrapped: a person pastes these.
                Console.WriteLine($"sbatch {ShellWords.Join(array)}");
                Console.WriteLine($"sbatch {ShellWords.Join(Merge("<array job id>"))}");
                return 0;
            }
            bool created = !Directory.Exists(sweep);
            PrepareFolder(sweep);
            Directory.CreateDirectory(logs);
            string arrayJob;
            try
            {
                arrayJob = Sbatch(array);
            }
            catch (EnvironmentException) when (created)
            {
                // Nothing was submitted, so nothing will write here: the folder this call made goes with the failure.
                Directory.Delete(sweep, recursive: true);
                throw;
            }
            string mergeJob = Sbatch(Merge(arrayJob));
            AnsiConsole.MarkupLine($"Submitted {study.Runs.Count} runs of {Markup.Escape(study.Name)} as job array {arrayJob} ({count} tasks) and merge job {mergeJob}; results in {Markup.Escape(Path.Combine(sweep, "merged"))}, logs in {Markup.Escape(logs)}");
            return 0;
        }));
        return new Command("slurm", "Run a study on a Slurm cluster") { submit };
    }

    /// <summary>The sweep folder: created, or one this command created before (its shards resume); anything else is refused.</summary>
    private static void PrepareFolder(string sweep)
    {
        if (Directory.Exists(sweep) && Directory.EnumerateFileSystemEntries(sweep).Any() && !File.Exists(Path.Combine(sweep, SweepMarker)))
        {
            throw new ConfigException($"--out: {sweep} exists and is not a Mosel sweep folder; choose another");
        }
        Directory.CreateDirectory(sweep);
        File.WriteAllText(Path.Combine(sweep, SweepMarker), "Written by mosel slurm submit: shard-I/ (one per array task), logs/, merged/.\n");
    }

    /// <summary>Runs sbatch and returns the job id it prints (--parsable: "id" or "id;cluster").</summary>
    private static string Sbatch(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EnvironmentException("sbatch: not found on PATH (Slurm's client; on Debian: apt-get install slurm-client)", e);
        }
        using (process)
        {
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            string id = output.Trim().Split(';')[0];
            if (process.ExitCode != 0 || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                string reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                throw new EnvironmentException($"sbatch refused the job: {reason}");
            }
            return id;
        }
    }
}
