using System.Globalization;
using Mosel.Experiments.Output;
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
    private static readonly double[] s_estimateFactors = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];

    public string Id => "8";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 8: robustness to latency-estimation error (TVLT dynamic)");
        var byFactor = new List<(double Factor, IReadOnlyList<RunOutcome> Runs)>();
        foreach (double f in s_estimateFactors)
        {
            string folder = $"fig8/f{f.ToString("0.0", CultureInfo.InvariantCulture)}";
            byFactor.Add((f, context.Simulate("fig8.yaml", o => o with { Executor = o.Executor with { EstimateFactor = f } }, folder)));
        }
        IReadOnlyList<RunOutcome> reference = byFactor.Single(b => b.Factor == 1.0).Runs;
        double throughput = SeedStatistics.Mean(reference, engine.Throughput);
        double accuracy = SeedStatistics.Mean(reference, s => s.MeanServedAccuracy);
        DataSeries Normalised(string name, Func<RunSummary, double> metric, double by) => new(name, byFactor.Select(b =>
        {
            (double mean, double half) = SeedStatistics.MeanCi(b.Runs.Select(o => metric(o.Result.Summary) / by).ToArray());
            return new SeriesPoint(b.Factor, mean, half);
        }).ToArray());
        string file = context.Save(LinesRecipe.Build($"TVLT MOSEL, {engine.Name} engine: latency-estimation error", $"estimate ÷ true latency (f); {SeriesByLoad.ErrorBars}", "normalised to f = 1",
            [Normalised(engine.ThroughputLabel.Replace(" (req/s)", "", StringComparison.Ordinal), engine.Throughput, throughput), Normalised("mean served accuracy", s => s.MeanServedAccuracy, accuracy)],
            legend: Alignment.LowerRight),
            "fig8_estimation_error");
        report.Figures.Add(($"Fig. 8 — {engine.Title}: {engine.ThroughputLabel} and mean served accuracy under latency-estimation error, normalised to f = 1", file));
        (double worstFactor, double worst) = byFactor.Select(b => (b.Factor, SeedStatistics.Mean(b.Runs, engine.Throughput) / throughput)).MinBy(b => b.Item2);
        report.Claim(context, "lowest normalised throughput, f ∈ [0.5, 1.5]", "TVLT MOSEL (fp32), 80 req/s", "robust (Fig. 8)", worst,
            FormattableString.Invariant($"{worst:0.000} at f = {worstFactor:0.0}"));
    }
}
