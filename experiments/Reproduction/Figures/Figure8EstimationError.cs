using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Metrics;
using ScottPlot;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Fig. 8: throughput (the engine's own metric) and mean served accuracy of TVLT MOSEL when the scheduler plans with
/// estimate = true x f, normalised to f = 1; the lowest normalised throughput is a headline row.
/// </summary>
public sealed class Figure8EstimationError : IPaperFigure
{
    private const string FactorKey = "executor.estimate_factor";

    public string Id => "8";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 8: robustness to latency-estimation error (TVLT dynamic)");
        // fig8.yaml sweeps the factor; its runs are grouped back by the swept value.
        var byFactor = context.Simulate("fig8.yaml")
            .GroupBy(o => double.Parse(o.Run.Point.ValueOf(FactorKey)!, CultureInfo.InvariantCulture))
            .Select(g => (Factor: g.Key, Runs: (IReadOnlyList<RunOutcome>)g.ToArray()))
            .OrderBy(g => g.Factor)
            .ToList();
        IReadOnlyList<RunOutcome> reference = byFactor.Single(b => b.Factor == 1.0).Runs;
        double throughput = SeedStatistics.Mean(reference, engine.Throughput.Value);
        double accuracy = SeedStatistics.Mean(reference, s => s.MeanServedAccuracy);
        DataSeries Normalised(string name, Func<RunSummary, double> metric, double by) => new(name, byFactor.Select(b =>
        {
            (double mean, double half) = SeedStatistics.MeanCi(b.Runs.Select(o => metric(o.Result.Summary) / by).ToArray());
            return new SeriesPoint(b.Factor, mean, half);
        }).ToArray());
        DataSeries[] series =
        [
            Normalised(engine.ThroughputLabel.Replace(" (req/s)", "", StringComparison.Ordinal), engine.Throughput.Value, throughput),
            Normalised("mean served accuracy", s => s.MeanServedAccuracy, accuracy),
        ];
        report.Figures.Add(context.Figure(LinesRecipe.Build($"TVLT MOSEL, {engine.Name} engine: latency-estimation error", $"estimate ÷ true latency (f); {SeriesByLoad.ErrorBars}",
            "normalised to f = 1", series, legend: Alignment.LowerRight), "fig8_estimation_error",
            $"Fig. 8 — {engine.Title}: {engine.ThroughputLabel} and mean served accuracy under latency-estimation error, normalised to f = 1",
            FigureNumbers.Lines(series, FactorKey, "normalised_to_f_1")));
        (double worstFactor, double worst) = byFactor.Select(b => (b.Factor, SeedStatistics.Mean(b.Runs, engine.Throughput.Value) / throughput)).MinBy(b => b.Item2);
        report.Claim(context, "lowest normalised throughput, f ∈ [0.5, 1.5]", "TVLT MOSEL (fp32), 80 req/s", "robust (Fig. 8)", worst,
            FormattableString.Invariant($"{worst:0.000} at f = {worstFactor:0.0}"));
    }
}
