using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Fig. 6: the served-accuracy CDF of none and dynamic on the Twitter trace (dynamic's mean is a headline row),
/// and each policy's time series of load, goodput, violations, accuracy and modality mix.
/// </summary>
public sealed class Figure6AccuracyDistribution : IPaperFigure
{
    public string Id => "6";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 6: served-accuracy distribution and the trace time series (TVLT, Twitter)");
        IReadOnlyList<RunOutcome> runs = context.Simulate("fig6.yaml");
        var series = runs.GroupBy(r => r.Run.Policy)
            .Select(g => (PolicyLabels.For(g.Key), (IReadOnlyList<(double, double)>)AccuracyMass(g), SeedStatistics.Mean(g, s => s.MeanServedAccuracy)))
            .ToArray();
        string cdf = context.Save(AccuracyCdfRecipe.Build($"TVLT on the Twitter trace, {engine.Name} engine: served accuracy", "job's served accuracy", series), "fig6_accuracy_cdf");
        report.Figures.Add(($"Fig. 6 — {engine.Title}: CDF of the served accuracy of every finished request (its job's mean accuracy)", cdf));
        double meanDynamic = SeedStatistics.Mean(runs.Where(r => r.Run.Policy == "dynamic"), s => s.MeanServedAccuracy);
        report.Claim(context, "mean served accuracy of MOSEL", "TVLT, Twitter trace, mean 120 req/s", "≈ 0.740", meanDynamic,
            meanDynamic.ToString("0.000", CultureInfo.InvariantCulture));

        RunOutcome trace = runs.First(r => r.Run.Policy == "dynamic");
        string ts = context.Save(TimeSeriesRecipe.Build($"TVLT MOSEL, Twitter trace, {engine.Name} engine", Windows(trace.Result), trace.Result.ConfigurationNames), "timeseries_dynamic");
        report.Figures.Add(($"Trace run, {engine.Title} (MOSEL, seed 1): offered load, goodput and violations; mean served accuracy; modality mix per 4-s window", ts));
        RunOutcome baseline = runs.First(r => r.Run.Policy == "none");
        string tsNone = context.Save(TimeSeriesRecipe.Build($"TVLT all modalities, Twitter trace, {engine.Name} engine", Windows(baseline.Result), baseline.Result.ConfigurationNames), "timeseries_none");
        report.Figures.Add(($"The same trace with all modalities (fp32), {engine.Title}", tsNone));
    }

    /// <summary>Requests per distinct served accuracy, summed over the policy's seeds.</summary>
    private static (double, double)[] AccuracyMass(IEnumerable<RunOutcome> runs) => runs
        .SelectMany(o => o.Result.JobAccuracyDistribution)
        .GroupBy(m => m.Accuracy)
        .Select(g => (g.Key, (double)g.Sum(m => m.Requests)))
        .ToArray();

    private static WindowPoint[] Windows(RunResult result) => WindowCounts.Rates(result.Windows.Select(w => new WindowCounts(w.StartSeconds, w.SubmittedRequests,
        w.MetRequests, w.LateRequests, w.DroppedRequests, w.MeanServedAccuracy, w.FinishedRequestsPerConfiguration.Select(n => (double)n).ToArray())).ToArray(),
        result.Summary.OfferedSeconds).Points;
}
