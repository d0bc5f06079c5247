using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Metrics;
using ScottPlot;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Fig. 8: goodput and mean served accuracy of TVLT dynamic when the scheduler plans with estimate = true x f,
/// normalised to f = 1; the lowest normalised goodput is a headline row.
/// </summary>
public sealed class Figure8EstimationError : IPaperFigure
{
    private static readonly double[] s_estimateFactors = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];

    public string Id => "8";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        context.Log("Fig. 8: robustness to latency-estimation error (TVLT dynamic)");
        var byFactor = new List<(double Factor, IReadOnlyList<RunOutcome> Runs)>();
        foreach (double f in s_estimateFactors)
        {
            string folder = $"fig8/f{f.ToString("0.0", CultureInfo.InvariantCulture)}";
            byFactor.Add((f, context.Simulate("fig8.yaml", o => o with { Executor = o.Executor with { EstimateFactor = f } }, folder)));
        }
        IReadOnlyList<RunOutcome> reference = byFactor.Single(b => b.Factor == 1.0).Runs;
        double goodput = SeedStatistics.Mean(reference, s => s.ThroughputRps);
        double accuracy = SeedStatistics.Mean(reference, s => s.MeanServedAccuracy);
        DataSeries Normalised(string name, Func<RunSummary, double> metric, double by) => new(name, byFactor.Select(b =>
        {
            (double mean, double half) = SeedStatistics.MeanCi(b.Runs.Select(o => metric(o.Result.Summary) / by).ToArray());
            return new SeriesPoint(b.Factor, mean, half);
        }).ToArray());
        string file = context.Save(LinesRecipe.Build("TVLT dynamic: latency-estimation error", "estimate ÷ true latency (f)", "normalised to f = 1",
            [Normalised("goodput", s => s.ThroughputRps, goodput), Normalised("mean served accuracy", s => s.MeanServedAccuracy, accuracy)], legend: Alignment.LowerRight),
            "fig8_estimation_error");
        report.Figures.Add(("Fig. 8 — goodput and mean served accuracy under latency-estimation error, normalised to f = 1", file));
        double worst = byFactor.Min(b => SeedStatistics.Mean(b.Runs, s => s.ThroughputRps) / goodput);
        report.Headline.Add(new HeadlineRow("lowest normalised goodput, f ∈ [0.5, 1.5]", "TVLT dynamic, Poisson 80 req/s", worst, "robust (Fig. 8)"));
    }
}
