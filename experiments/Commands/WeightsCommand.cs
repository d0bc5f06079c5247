using System.CommandLine;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Profiling;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// <c>mosel weights names</c>: a zoo model's tensor names and shapes, a checkpoint's, or the two side by side after the
/// renames (<c>--map FROM=TO</c>), so that a public checkpoint's names can be mapped before it is loaded.
/// </summary>
public static class WeightsCommand
{
    public static Command Create()
    {
        var command = new Command("weights", "Checkpoints for the zoo models");
        command.Subcommands.Add(CreateNames());
        return command;
    }

    private static Command CreateNames()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Zoo model whose tensors to list: {string.Join(", ", ModelZoo.Names)}" };
        var scale = new Option<string>("--scale") { Description = "full or tiny", DefaultValueFactory = _ => "full" };
        var file = new Option<FileInfo?>("--file", "-f") { Description = "A .safetensors checkpoint whose tensors to list (with --model: set against the model's)" };
        var map = new Option<string[]>("--map")
        {
            Description = "Rename FROM=TO applied to the checkpoint's names, first matching prefix wins (repeat for several; model.= drops 'model.')",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        var libtorch = new Option<string?>("--libtorch") { Description = "libtorch lib folder (only --model loads it)" };
        var command = new Command("names", "List a zoo model's or a checkpoint's tensor names and shapes; with both, how the checkpoint fills the model (exit 1 if it does not)")
        {
            model, scale, file, map, libtorch,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string? name = parse.GetValue(model);
            string? path = parse.GetValue(file)?.FullName;
            WeightNameMap names = CliParsers.WeightNames("--map", parse.GetValue(map)!);
            if (name is null && path is null)
            {
                throw new ConfigException("--model or --file: name a zoo model, a .safetensors checkpoint, or both");
            }
            if (parse.GetValue(map)!.Length > 0 && (name is null || path is null))
            {
                throw new ConfigException("--map: renames a checkpoint's tensors onto a model's, so it needs both --model and --file");
            }
            if (name is not null)
            {
                CliParsers.ZooModel(name);
            }
            ZooScale zooScale = CliParsers.Scale(parse.GetValue(scale)!);
            IReadOnlyList<SafetensorsEntry>? entries = path is null ? null : Entries(path);
            IReadOnlyList<(string Name, IReadOnlyList<long> Shape)>? tensors = null;
            if (name is not null)
            {
                LibTorchLoading.Load(TorchDevice.Cpu, parse.GetValue(libtorch));
                using ZooModel zoo = ModelZoo.Create(name, zooScale);
                tensors = SafetensorsWeights.Names(zoo);
            }
            return (tensors, entries) switch
            {
                ({ } m, { } f) => ShowMatch(WeightsMatch.Of(path!, m, f, names), name!, zooScale),
                ({ } m, null) => Show($"{name} ({zooScale.Name} scale)", m.Select(t => (t.Name, WeightsMatch.Shape(t.Shape), "")).ToArray()),
                _ => Show(path!, entries!.Select(e => (e.Name, WeightsMatch.Shape(e.Shape), e.Dtype)).ToArray()),
            };
        }));
        return command;
    }

    private static IReadOnlyList<SafetensorsEntry> Entries(string path)
    {
        try
        {
            return SafetensorsFile.ReadEntries(path);
        }
        catch (SafetensorsException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    private static int Show(string title, IReadOnlyList<(string Name, string Shape, string Dtype)> tensors)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("tensor");
        table.AddColumn("shape");
        if (tensors.Any(t => t.Dtype.Length > 0))
        {
            table.AddColumn("dtype");
        }
        foreach ((string name, string shape, string dtype) in tensors)
        {
            table.AddRow([Markup.Escape(name), Markup.Escape(shape), .. dtype.Length > 0 ? new[] { Markup.Escape(dtype) } : []]);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"{tensors.Count} tensors"));
        return 0;
    }

    private static int ShowMatch(WeightsMatch match, string model, ZooScale scale)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{model} ({scale.Name} scale) filled from the checkpoint"));
        foreach (string column in new[] { "model tensor", "shape", "checkpoint tensor", "shape", "fits" })
        {
            table.AddColumn(column);
        }
        foreach (WeightsMatchRow row in match.Rows)
        {
            table.AddRow(Markup.Escape(row.ModelName ?? "—"), row.ModelShape is null ? "" : Markup.Escape(WeightsMatch.Shape(row.ModelShape)),
                Markup.Escape(row.FileName ?? "—"), row.FileShape is null ? "" : Markup.Escape(WeightsMatch.Shape(row.FileShape)), row.Fits ? "yes" : "no");
        }
        AnsiConsole.Write(table);
        int filled = match.Rows.Count(r => r.Fits);
        int needed = match.Rows.Count(r => r.ModelName is not null);
        if (match.Problems.Count == 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"the checkpoint fills all {needed} tensors of {model}: it loads"));
            return 0;
        }
        AnsiConsole.MarkupLine(Markup.Escape($"{filled} of {needed} model tensors filled; {match.Problems.Count} problems:"));
        // Plain lines, not wrapped to the terminal: one problem a line, for grep.
        foreach (string problem in match.Problems)
        {
            Console.Out.WriteLine(problem);
        }
        return 1;
    }
}
