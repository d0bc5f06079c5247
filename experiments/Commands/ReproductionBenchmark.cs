using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Reproduction;
using Mosel.Experiments.Reproduction.Figures;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// <c>mosel bench reproduce</c>: times every figure of the paper under each engine alone and under the engines together,
/// each into a fresh temporary folder that is removed afterwards, and reports the median and the min–max.
/// </summary>
public static class ReproductionBenchmark
{
    public static void Run(IReadOnlyList<ReproductionEngine> engines, int repeat, bool quick)
    {
        if (repeat < 1)
        {
            throw new ConfigException($"--repeat: must be at least 1, found {repeat}");
        }
        IReadOnlyList<ReproductionEngine>[] sets = engines.Count > 1 ? [.. engines.Select(e => (IReadOnlyList<ReproductionEngine>)[e]), engines] : [engines];
        // One quick reproduction first, so that every timed run starts with the code already compiled.
        Time(engines, quick: true);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("engines", "runs", "wall s (median)", "wall s (min–max)");
        foreach (IReadOnlyList<ReproductionEngine> set in sets)
        {
            double[] times = Enumerable.Range(0, repeat).Select(_ => Time(set, quick)).Order().ToArray();
            string name = string.Join(" + ", set.Select(e => e.Name));
            AnsiConsole.MarkupLine(Markup.Escape($"{name}: {string.Join(", ", times.Select(t => t.ToString("0.0")))} s"));
            double median = times.Median();
            table.AddRow(name, repeat.ToString(), median.ToString("0.0"), $"{times[0]:0.0}–{times[^1]:0.0}");
        }
        AnsiConsole.MarkupLine($"mosel reproduce{(quick ? " --quick" : "")}: every figure, {Environment.ProcessorCount} cores, {repeat} timed repetitions each");
        AnsiConsole.Write(table);
    }

    private static double Time(IReadOnlyList<ReproductionEngine> engines, bool quick)
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("mosel-bench-reproduce-");
        try
        {
            long started = Stopwatch.GetTimestamp();
            PaperReproduction.Run(new ReproductionOptions(folder.FullName, quick, PaperFigures.All, engines), _ => { });
            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
