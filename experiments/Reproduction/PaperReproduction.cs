using System.Diagnostics;
using Mosel.Experiments.Reporting;

namespace Mosel.Experiments.Reproduction;

/// <summary>Runs the experiments behind each of the options' figures under each engine, renders them and writes report.md and report.html.</summary>
public static class PaperReproduction
{
    public static ReproductionReport Run(ReproductionOptions options, Action<string> log)
    {
        long started = Stopwatch.GetTimestamp();
        ReproductionContext[] contexts = options.Engines.Select(e => new ReproductionContext(options, e, log)).ToArray();
        Directory.CreateDirectory(contexts[0].FiguresDir);
        var report = new ReproductionReport();
        foreach (IPaperFigure figure in options.Figures)
        {
            foreach (ReproductionContext context in figure.RunsExperiments ? contexts : contexts[..1])
            {
                figure.Reproduce(context, report);
            }
        }
        report.WallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ReportFiles.Write(options.OutDir, ReproductionDocument.Build(report, options));
        return report;
    }
}
