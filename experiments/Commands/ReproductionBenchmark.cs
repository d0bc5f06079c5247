using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
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
    public static IReadOnlyList<BenchFigure> Run(IReadOnlyList<ReproductionEngine> engines, int repeat, bool quick)
    {
        if (repeat < 1)
        {
            throw new ConfigException($"--repeat: must be at least 1, found {repeat}");
        }
        IReadOnlyList<ReproductionEngine>[] sets = engines.Count > 1 ? [.. engines.Select(e => (IReadOnlyList<ReproductionEngine>)[e]), engines] : [engines];
        // One quick reproduction first, so that every timed run starts with the code already compiled.
        Time(engines, quick: true);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("engines", "runs", "wall s (median)", "wall s (min–max)", "CPU s (median)");
        var figures = new List<BenchFigure>();
        foreach (IReadOnlyList<ReproductionEngine> set in sets)
        {
            (double Wall, double Cpu)[] runs = [.. Enumerable.Range(0, repeat).Select(_ => Time(set, quick))];
            double[] times = [.. runs.Select(r => r.Wall).Order()];
            string name = string.Join(" + ", set.Select(e => e.Name));
            AnsiConsole.MarkupLine(Markup.Escape($"{name}: {string.Join(", ", times.Select(t => t.ToString("0.0")))} s"));
            BenchFigure figure = BenchFigure.Of($"reproduce {name}", "s", times) with { CpuSecondsMedian = runs.Select(r => r.Cpu).Median() };
            table.AddRow(name, repeat.ToString(), figure.Median.ToString("0.0"), $"{times[0]:0.0}–{times[^1]:0.0}", figure.CpuSecondsMedian!.Value.ToString("0.0"));
            figures.Add(figure);
        }
        AnsiConsole.MarkupLine($"mosel reproduce{(quick ? " --quick" : "")}: every figure, {Environment.ProcessorCount} cores, {repeat} timed repetitions each");
        AnsiConsole.Write(table);
        return figures;
    }

    /// <summary>Wall and CPU seconds (every thread of the process) of one reproduction.</summary>
    private static (double Wall, double Cpu) Time(IReadOnlyList<ReproductionEngine> engines, bool quick)
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("mosel-bench-reproduce-");
        try
        {
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long started = Stopwatch.GetTimestamp();
            PaperReproduction.Run(new ReproductionOptions(folder.FullName, quick, PaperFigures.All, engines), _ => { });
            return (Stopwatch.GetElapsedTime(started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
