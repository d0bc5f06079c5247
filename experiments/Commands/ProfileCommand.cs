using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Profiling;
using Mosel.Sim.Profiles;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel profile --model tvlt --device cuda --batch-sizes 1-32 --precisions fp32,fp16 --out FILE</c></summary>
public static class ProfileCommand
{
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
        var weights = new Option<FileInfo?>("--weights") { Description = "TorchSharp weights file for the model (default: seeded random weights)" };
        var command = new Command("profile", "Measure a zoo model's latency per configuration, precision and batch size and write a profile")
        {
            model, device, batches, precisions, output, scale, runs, warmups, libtorch, weights,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string name = parse.GetValue(model)!;
            if (!ModelZoo.Names.Contains(name))
            {
                throw new ConfigException($"--model: '{name}' is not in the zoo (known: {string.Join(", ", ModelZoo.Names)})");
            }
            TorchDevice torchDevice = ParseDevice(parse.GetValue(device)!);
            int[] sizes = ParseBatchSizes(parse.GetValue(batches)!);
            Precision[] precisionList = ParsePrecisions(parse.GetValue(precisions)!);
            ZooScale zooScale = ParseScale(parse.GetValue(scale)!);
            int timed = parse.GetValue(runs);
            if (timed < 1 || parse.GetValue(warmups) < 0)
            {
                throw new ConfigException("--runs must be >= 1 and --warmups >= 0");
            }
            string outPath = parse.GetValue(output)!.FullName;
            OutputTarget.CheckFile(outPath, ProfileFile.Signature);
            LibTorchStatus status = LoadLibTorch(torchDevice, parse.GetValue(libtorch));
            ModelProfile profile = Measure(name, zooScale, torchDevice, sizes, precisionList, timed, parse.GetValue(warmups), status, out IReadOnlyList<OutOfMemory> oom,
                parse.GetValue(weights)?.FullName);
            ProfileFile.Save(profile, $"{name} ({zooScale.Name} scale) measured by mosel profile", outPath);
            foreach (OutOfMemory o in oom)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"out of memory: {o.Configuration} {o.Precision.ToName()} at batch {o.FailedBatchSize}; largest batch that fits: {o.LargestFittingBatchSize?.ToString() ?? "none"}"));
            }
            AnsiConsole.MarkupLine(Markup.Escape($"wrote {outPath}: {profile.Configurations.Count} configurations x {precisionList.Length} precisions, batch sizes up to {profile.MaxBatchSize}, on {profile.Device}"));
            return 0;
        }));
        return command;
    }

    public static ModelProfile Measure(string name, ZooScale scale, TorchDevice device, int[] sizes, Precision[] precisions, int runs, int warmups,
        LibTorchStatus status, out IReadOnlyList<OutOfMemory> outOfMemory, string? weights = null)
    {
        using ZooModel model = LoadModel(name, scale, weights);
        var profiler = new ModelProfiler(new ProfilerSettings(sizes, precisions, device, warmups, runs));
        int total = ModelProfiler.Configurations(model).Count * sizes.Length * precisions.Length;
        var points = new List<ProfilePoint>();
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress().Start(context =>
            {
                ProgressTask task = context.AddTask($"profiling {name}", maxValue: total);
                points.AddRange(profiler.Run(model, message => { task.Description = Markup.Escape(message); task.Increment(1); }));
            });
        }
        else
        {
            points.AddRange(profiler.Run(model));
        }
        outOfMemory = profiler.OutOfMemory;
        if (profiler.OutOfMemory.Any(o => o.LargestFittingBatchSize is null))
        {
            throw new LibTorchException($"{name}: even batch {sizes.Min()} does not fit in device memory");
        }
        (AccuracyMetric metric, Dictionary<string, double> accuracy) = PublishedAccuracy.Load(RepoPaths.Resolve("profiles/accuracy"), PublishedAccuracy.EntryForModel[name]);
        // A configuration that ran out of memory keeps only the batch sizes that fitted: cut every table to the common prefix.
        int common = points.GroupBy(p => (p.Configuration, p.Precision)).Min(g => g.Count());
        var kept = points.GroupBy(p => (p.Configuration, p.Precision)).SelectMany(g => g.OrderBy(p => p.BatchSize).Take(common)).ToArray();
        return MeasuredProfile.Build(name, model.Modalities, kept, metric, accuracy, MeasuredProfile.DescribeDevice(device), scale.Name, status);
    }

    private static ZooModel LoadModel(string name, ZooScale scale, string? weights)
    {
        try
        {
            return weights is null ? ModelZoo.Create(name, scale) : ModelZoo.Load(name, scale, weights);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    public static LibTorchStatus LoadLibTorch(TorchDevice device, string? folder)
    {
        try
        {
            return LibTorchLoader.Load(device, folder);
        }
        catch (LibTorchException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    public static TorchDevice ParseDevice(string text) => text switch
    {
        "cpu" => TorchDevice.Cpu,
        "cuda" => TorchDevice.Cuda,
        _ => throw new ConfigException($"--device: must be cpu or cuda, found '{text}'"),
    };

    public static ZooScale ParseScale(string text) => text is "full" or "tiny"
        ? ZooScale.Parse(text)
        : throw new ConfigException($"--scale: must be full or tiny, found '{text}'");

    public static Precision[] ParsePrecisions(string text)
    {
        var list = new List<Precision>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(PrecisionNames.TryParse(item, out Precision p) ? p : throw new ConfigException($"--precisions: '{item}' is not fp32 or fp16"));
        }
        return list.Count > 0 ? list.Distinct().ToArray() : throw new ConfigException("--precisions: list at least one of fp32, fp16");
    }

    public static int[] ParseBatchSizes(string text)
    {
        try
        {
            if (text.Contains('-', StringComparison.Ordinal))
            {
                string[] range = text.Split('-');
                int lo = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
                int hi = int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
                if (lo < 1 || hi < lo)
                {
                    throw new FormatException();
                }
                var sizes = new SortedSet<int> { lo, hi };
                for (int b = 1; b <= hi; b *= 2)
                {
                    if (b >= lo)
                    {
                        sizes.Add(b);
                    }
                }
                return sizes.ToArray();
            }
            int[] list = text.Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
            return list.Length > 0 && list[0] >= 1 ? list : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ConfigException($"--batch-sizes: '{text}' is not a range like 1-32 or a list like 1,2,4");
        }
    }
}
