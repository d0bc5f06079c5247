using System.CommandLine;
using System.Globalization;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Profiling;
using Mosel.Executor.Weights;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Profiling;
using Mosel.Experiments.Safety;
using Mosel.Sim.Profiles;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel profile --model tvlt --device cuda --batch-sizes 1-32 --precisions fp32,fp16 --out FILE</c></summary>
public static class ProfileCommand
{
    private const int MaxRuns = 10_000;

    /// <summary>The share of the CPU others use above which profiling warns: half the machine.</summary>
    private const double BusyShare = 0.5;

    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = $"Zoo model: {string.Join(", ", ModelZoo.Names)}", Required = true };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var batches = new Option<string>("--batch-sizes") { Description = "e.g. 1-32 (powers of two in the range), or 1,2,3,8", DefaultValueFactory = _ => "1-32" };
        var precisions = new Option<string>("--precisions") { Description = "fp32, fp16 or both (fp16 needs cuda)", DefaultValueFactory = _ => "fp32" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Profile YAML to write", Required = true };
        var scale = new Option<string>("--scale") { Description = "full (the published architecture) or tiny (for CPU checks)", DefaultValueFactory = _ => "full" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per point (>= 10 for reported numbers)", DefaultValueFactory = _ => 10 };
        var warmups = new Option<int>("--warmups") { Description = "Untimed runs before timing", DefaultValueFactory = _ => 3 };
        var libtorch = new Option<string?>("--libtorch") { Description = $"libtorch lib folder (else ${LibTorchLoader.EnvironmentVariable}, the NuGet CPU libtorch, or a PyTorch install)" };
        var weights = new Option<FileInfo?>("--weights") { Description = "Weights for the model: a .safetensors checkpoint (from mosel train) or a TorchSharp weights file (default: seeded random weights)" };
        var weightsMap = new Option<string[]>("--weights-map")
        {
            Description = "Rename FROM=TO from a .safetensors checkpoint's tensor names to the model's, first matching prefix wins (repeat for several); see mosel weights names",
            DefaultValueFactory = _ => [],
        };
        var accuracy = new Option<bool>("--accuracy") { Description = "Measure each configuration's accuracy on --dataset's test split instead of carrying a published table" };
        var dataset = new Option<string?>("--dataset") { Description = "Digits dataset (mosel dataset build) for --accuracy" };
        var keepInverted = new Option<bool>("--keep-inverted")
        {
            Description = "Write the profile even where a subset of the modalities measured slower than all of them (a sign of a busy machine; refused by default)",
        };
        var command = new Command("profile", "Measure a zoo model's latency per configuration, precision and batch size and write a profile")
        {
            model, device, batches, precisions, output, scale, runs, warmups, libtorch, weights, weightsMap, accuracy, dataset, keepInverted,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string name = CliParsers.ZooModel(parse.GetValue(model)!);
            TorchDevice torchDevice = CliParsers.Device(parse.GetValue(device)!);
            int[] sizes = CliParsers.BatchSizes(parse.GetValue(batches)!);
            Precision[] precisionList = CliParsers.Precisions(parse.GetValue(precisions)!);
            ZooScale zooScale = CliParsers.Scale(parse.GetValue(scale)!);
            string? accuracyDataset = AccuracyDataset(name, parse.GetValue(accuracy), parse.GetValue(dataset));
            string? weightsPath = parse.GetValue(weights)?.FullName;
            var request = new ProfileRequest(name, zooScale, torchDevice, sizes, precisionList, parse.GetValue(runs), parse.GetValue(warmups),
                WeightNames(parse.GetValue(weightsMap)!, weightsPath), weightsPath, accuracyDataset);
            // Timings are kept per run: a bound keeps a typo from allocating gigabytes before the first pass.
            if (request.Runs is < 1 or > MaxRuns || request.Warmups is < 0 or > MaxRuns)
            {
                throw new ConfigException($"--runs must be in [1, {MaxRuns}] and --warmups in [0, {MaxRuns}], found {request.Runs} and {request.Warmups}");
            }
            string outPath = parse.GetValue(output)!.FullName;
            OutputTarget.CheckFile(outPath, ProfileFile.Signature);
            LibTorchStatus status = LibTorchLoading.Load(request.Device, parse.GetValue(libtorch));
            // Measured before the profiler's own threads start: the CPU others are using.
            double? busyBefore = ProfileChecks.BusyShare(TimeSpan.FromMilliseconds(500));
            IReadOnlyList<OutOfMemory> oom = [];
            // Ctrl-C stops profiling after the point being measured (exiting while libtorch runs crashes in native code).
            CancellationToken interrupted = Interrupts.Cooperative();
            ModelProfile profile = ConsoleProgress.Run($"profiling {name}", progress => ProfileMeasurement.Measure(request, status, (total, point) =>
            {
                progress?.Invoke(total, point);
                interrupted.ThrowIfCancellationRequested();
            }, out oom));
            string description = $"{name} ({request.Scale.Name} scale) measured by mosel profile";
            IReadOnlyList<string> inversions = ProfileChecks.Inversions(profile);
            string? busy = busyBefore is > BusyShare
                ? string.Create(CultureInfo.InvariantCulture, $"; other programs were using {busyBefore:P0} of the CPU when profiling began")
                : null;
            if (inversions.Count > 0)
            {
                string what = $"{inversions[0]}{(inversions.Count > 1 ? $" (and {inversions.Count - 1} more)" : "")}";
                if (!parse.GetValue(keepInverted))
                {
                    throw new EnvironmentException($"{outPath}: not written: {what}, which an idle machine does not measure{busy}; profile again on an idle machine, or keep it with --keep-inverted");
                }
                description += $"; kept with --keep-inverted although {what}";
            }
            ProfileFile.Save(profile, description, outPath);
            if (busy is not null)
            {
                Console.WriteLine($"warning: the machine was busy{busy}: latencies measured now are slower and noisier than on an idle machine");
            }
            IReadOnlyList<string> noisy = ProfileChecks.Noisy(profile);
            if (noisy.Count > 0)
            {
                Console.WriteLine($"warning: {noisy.Count} of the points are noisy (interquartile range ≥ {ProfileChecks.WideSpread:P0} of the latency), widest: {noisy[0]}");
            }
            foreach (OutOfMemory o in oom)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"out of memory: {o.Configuration} {o.Precision.ToName()} at batch {o.FailedBatchSize}; largest batch that fits: {o.LargestFittingBatchSize?.ToString() ?? "none"}"));
            }
            AnsiConsole.MarkupLine(Markup.Escape($"wrote {outPath}: {profile.Configurations.Count} configurations x {request.Precisions.Length} precisions, batch sizes up to {profile.MaxBatchSize}, on {profile.Device}"));
            return 0;
        }));
        return command;
    }

    private static WeightNameMap WeightNames(string[] rules, string? weights)
    {
        if (rules.Length == 0)
        {
            return WeightNameMap.Identity;
        }
        if (weights is null || !ModelZoo.IsSafetensors(weights))
        {
            throw new ConfigException("--weights-map: renames a .safetensors checkpoint's tensors, so it needs --weights FILE.safetensors");
        }
        return CliParsers.WeightNames("--weights-map", rules);
    }

    /// <summary>The dataset to measure accuracy on, or null to carry the published table; a model without one must measure.</summary>
    private static string? AccuracyDataset(string model, bool measure, string? dataset)
    {
        if (measure != (dataset is not null))
        {
            throw new ConfigException(measure ? "--accuracy: needs --dataset DIR (a dataset from mosel dataset build)" : "--dataset: only used with --accuracy");
        }
        if (!measure && !PublishedAccuracy.EntryForModel.ContainsKey(model))
        {
            throw new ConfigException($"--model: {model} has no published accuracy table; measure it with --accuracy --dataset DIR --weights FILE");
        }
        return dataset is null ? null : Datasets.DigitDataset.Check(dataset);
    }
}
