using System.Diagnostics;

namespace Mosel.Experiments.Reproduction;

/// <summary>Runs the experiments behind each of the options' figures, renders them and writes report.md.</summary>
public static class PaperReproduction
{
    public static ReproductionReport Run(ReproductionOptions options, Action<string> log)
    {
        long started = Stopwatch.GetTimestamp();
        var context = new ReproductionContext(options.OutDir, options.Quick, log);
        Directory.CreateDirectory(context.FiguresDir);
        var report = new ReproductionReport();
        foreach (IPaperFigure figure in options.Figures)
        {
            figure.Reproduce(context, report);
        }
        report.WallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ReportWriter.Write(Path.Combine(options.OutDir, "report.md"), report, options);
        return report;
    }
}
