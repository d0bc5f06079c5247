using System.Globalization;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Not a figure of the paper: MOSEL's processed throughput and tracer violations against load for several blocking solve
/// times, beside the all-modality baseline at the same precision, under the reference engine alone (the ideal engine has
/// no blocking solve). The paper never published its solver's time, and past the baseline's knee it decides where MOSEL
/// collapses; none and fp16 never solve, so they are drawn once (their runs are the same at every solve time).
/// </summary>
public sealed class SolveTimeSensitivity : IPaperFigure
{
    private const string File = "solve-time.yaml";
    private const string SolveKey = "scheduler.reference.solve_ms";
    private static readonly (string Baseline, string Mosel, string Precision)[] s_pairs = [("none", "dynamic", "fp32"), ("fp16", "dynamic+fp16", "fp16")];

    public string Id => "solve-time";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        if (!context.Has(File))
        {
            context.Log("solve-time sensitivity: no config for this engine (only the reference engine blocks its monitor while it solves)");
            return;
        }
        context.Log("solve-time sensitivity: MOSEL vs load for solve times of the sweep (TVLT)");
        IReadOnlyList<RunOutcome> runs = context.Simulate(File);
        double SolveMs(RunOutcome run) => double.Parse(run.Run.Point.ValueOf(SolveKey)!, CultureInfo.InvariantCulture);
        double drawnBaseline = runs.Select(SolveMs).Min();
        foreach ((string baseline, string mosel, string precision) in s_pairs)
        {
            RunOutcome[] pair = runs.Where(r => r.Run.Policy == mosel || (r.Run.Policy == baseline && SolveMs(r) == drawnBaseline)).ToArray();
            if (!pair.Any(r => r.Run.Policy == mosel))
            {
                continue;
            }
            string Label(RunOutcome run) => run.Run.Policy == baseline
                ? PolicyLabels.For(baseline)
                : FormattableString.Invariant($"{PolicyLabels.For(mosel)}, solve {SolveMs(run):0} ms");
            var groups = pair.GroupBy(Label).OrderBy(g => g.First().Run.Policy == baseline ? -1 : SolveMs(g.First())).ToArray();
            var throughput = groups.SelectMany(g => SeriesByLoad.Build(g.ToArray(), engine.Throughput, _ => g.Key)).ToArray();
            var violations = groups.SelectMany(g => SeriesByLoad.Build(g.ToArray(), engine.Violations, _ => g.Key)).ToArray();
            string coincide = pair.Where(r => r.Run.Policy == mosel).All(r => r.Result.Summary.Decisions == 0)
                ? $"; {PolicyLabels.For(mosel)} never re-planned in these runs, so its lines coincide with the baseline's"
                : "";
            report.Figures.Add(context.Figure(
            [
                ("throughput", LinesRecipe.Build($"TVLT {precision}, {engine.Name} engine: throughput by solve time", $"offered load (req/s); {SeriesByLoad.ErrorBars}",
                    engine.ThroughputLabel, throughput, yMin: 0, offeredLine: true)),
                // The engine's full violation label does not fit a half-height panel's axis.
                ("violations", LinesRecipe.Build($"TVLT {precision}, {engine.Name} engine: violations by solve time", $"offered load (req/s); {SeriesByLoad.ErrorBars}",
                    "violation ratio (tracer)", violations, yMin: -0.02, yMax: 1.02)),
            ], $"solve_time_{precision}",
            $"Solve-time sensitivity — TVLT {precision}, {engine.Title}: {engine.ThroughputLabel} and {engine.ViolationLabel} vs offered load, MOSEL for each blocking solve time beside all modalities{coincide}",
            FigureNumbers.Lines(throughput, ResultColumns.LoadQps, engine.Throughput.CsvName).Then(FigureNumbers.Lines(violations, ResultColumns.LoadQps, engine.Violations.CsvName))));
        }
        report.Tables.Add(PerLoadTable.Build($"Solve-time sensitivity — TVLT per load, {engine.Title}", runs.Where(r => r.Run.Policy is "dynamic" or "dynamic+fp16").ToArray(),
            [("solve time", r => FormattableString.Invariant($"{SolveMs(r):0} ms"))]));
    }
}
