using System.Globalization;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
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
            .Select(g => (Name: PolicyLabels.For(g.Key), Mass: (IReadOnlyList<(double, double)>)AccuracyMass(g), Mean: SeedStatistics.Mean(g, SummaryColumns.ServedAccuracy.Value), Policy: g.Key))
            .ToArray();
        report.Figures.Add(context.Figure(AccuracyCdfRecipe.Build($"TVLT on the Twitter trace, {engine.Name} engine: served accuracy", "job's served accuracy",
            [.. series.Select(s => (s.Name, s.Mass, s.Mean))]), "fig6_accuracy_cdf",
            $"Fig. 6 — {engine.Title}: CDF of the served accuracy of every finished request (its job's mean accuracy)",
            FigureNumbers.AccuracyCdf(ResultColumns.Policy, series.Select(s => (s.Policy, s.Mass)))));
        double meanDynamic = SeedStatistics.Mean(runs.Where(r => r.Run.Policy == "dynamic"), s => s.MeanServedAccuracy);
        report.Claim(context, "mean served accuracy of MOSEL", "TVLT, Twitter trace, mean 120 req/s", "≈ 0.740", meanDynamic,
            meanDynamic.ToString("0.000", CultureInfo.InvariantCulture));

        report.Figures.Add(TimeSeries(context, runs.First(r => r.Run.Policy == "dynamic"), "TVLT MOSEL", "timeseries_dynamic",
            $"Trace run, {engine.Title} (MOSEL, seed 1): offered load, goodput and violations; mean served accuracy; modality mix per 4-s window"));
        report.Figures.Add(TimeSeries(context, runs.First(r => r.Run.Policy == "none"), "TVLT all modalities", "timeseries_none",
            $"The same trace with all modalities (fp32), {engine.Title}"));
    }

    private static ReportFigure TimeSeries(ReproductionContext context, RunOutcome run, string title, string name, string caption)
    {
        WindowPoint[] windows = Windows(run.Result);
        return context.Figure(TimeSeriesRecipe.Build($"{title}, Twitter trace, {context.Engine.Name} engine", windows, run.Result.ConfigurationNames), name, caption,
            FigureNumbers.TimeSeries(windows, run.Result.ConfigurationNames));
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
