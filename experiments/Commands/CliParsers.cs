using System.Globalization;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Errors;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Commands;

/// <summary>Command-line values that are more than a number: each failure names the option.</summary>
public static class CliParsers
{
    public static TorchDevice Device(string text) => text switch
    {
        "cpu" => TorchDevice.Cpu,
        "cuda" => TorchDevice.Cuda,
        _ => throw new ConfigException($"--device: must be cpu or cuda, found '{text}'"),
    };

    /// <summary>Checkpoint renames written FROM=TO (see <see cref="WeightNameMap.Parse"/>).</summary>
    public static WeightNameMap WeightNames(string option, IEnumerable<string> rules)
    {
        try
        {
            return WeightNameMap.Parse(rules);
        }
        catch (FormatException e)
        {
            throw new ConfigException($"{option}: {e.Message}");
        }
    }

    /// <summary>A zoo model's name, as given to --model.</summary>
    public static string ZooModel(string name) => ModelZoo.Names.Contains(name)
        ? name
        : throw new ConfigException($"--model: '{name}' is not in the zoo (known: {string.Join(", ", ModelZoo.Names)})");

    public static ZooScale Scale(string text) => text is "full" or "tiny"
        ? ZooScale.Parse(text)
        : throw new ConfigException($"--scale: must be full or tiny, found '{text}'");

    public static Precision[] Precisions(string text)
    {
        var list = new List<Precision>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(PrecisionNames.TryParse(item, out Precision p) ? p : throw new ConfigException($"--precisions: '{item}' is not fp32 or fp16"));
        }
        return list.Count > 0 ? list.Distinct().ToArray() : throw new ConfigException("--precisions: list at least one of fp32, fp16");
    }

    /// <summary>A range <c>lo-hi</c> (both ends and the powers of two between them) or a list <c>1,2,4</c>.</summary>
    public static int[] BatchSizes(string text)
    {
        try
        {
            if (text.Contains('-', StringComparison.Ordinal))
            {
                string[] range = text.Split('-');
                int lo = int.Parse(range[0], CultureInfo.InvariantCulture);
                int hi = int.Parse(range[1], CultureInfo.InvariantCulture);
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
            int[] list = text.Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
            return list.Length > 0 && list[0] >= 1 ? list : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ConfigException($"--batch-sizes: '{text}' is not a range like 1-32 or a list like 1,2,4");
        }
    }
}
