using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>Fig. 7: violations against load for all modalities at fp32 and fp16 and MOSEL at fp16 (TVLT), in the engine's own metric.</summary>
public sealed class Figure7Precision : IPaperFigure
{
    public string Id => "7";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 7: violations vs load for fp32, fp16 and MOSEL fp16 (TVLT)");
        IReadOnlyList<RunOutcome> runs = context.Simulate("fig7.yaml");
        IReadOnlyList<DataSeries> series = SeriesByLoad.Build(runs, engine.Violations, PolicyLabels.For);
        report.Figures.Add(context.Figure(LinesRecipe.Build($"TVLT, {engine.Name} engine: fp32 vs fp16 vs MOSEL fp16", $"offered load (req/s); {SeriesByLoad.ErrorBars}", engine.ViolationLabel,
            series, yMin: -0.02, yMax: 1.02), "fig7_violations",
            $"Fig. 7 — {engine.Title}: {engine.ViolationLabel} vs offered load, all modalities (fp32, fp16) and MOSEL (fp16)",
            FigureNumbers.Lines(series, ResultColumns.LoadQps, engine.Violations.CsvName)));
    }
}
