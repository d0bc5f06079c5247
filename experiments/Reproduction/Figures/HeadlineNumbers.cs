using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// The paper's headline: throughput and mean JCT of MOSEL against all modalities on the Twitter trace, per load, in the
/// engine's own metrics; under the ideal engine once more at 60 req/s with the worker's drop rule off.
/// </summary>
public sealed class HeadlineNumbers : IPaperFigure
{
    private const string NoWorkerDrop = "headline-no-worker-drop.yaml";

    public string Id => "headline";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        context.Log("Headline: throughput and JCT of MOSEL vs all modalities on the Twitter trace");
        IReadOnlyList<RunOutcome> runs = context.Simulate("headline.yaml");
        report.Tables.Add(PerLoadTable.Build($"Headline — TVLT on the Twitter trace (1 h) per mean load, {context.Engine.Title}", runs));
        foreach (var load in runs.GroupBy(r => r.Run.LoadQps).OrderBy(g => g.Key))
        {
            Compare(context, report, load.ToArray(), FormattableString.Invariant($"Twitter trace, mean {load.Key:0} req/s"));
        }
        // The headline at 60 req/s with the worker's drop rule off (a config of the ideal engine alone; see its comment).
        if (context.Has(NoWorkerDrop))
        {
            Compare(context, report, context.Simulate(NoWorkerDrop), "Twitter trace, mean 60 req/s, worker drop rule off");
        }
    }

    private static void Compare(ReproductionContext context, ReproductionReport report, IReadOnlyList<RunOutcome> runs, string point)
    {
        ReproductionEngine engine = context.Engine;
        RunOutcome[] none = runs.Where(r => r.Run.Policy == "none").ToArray();
        RunOutcome[] dynamic = runs.Where(r => r.Run.Policy == "dynamic").ToArray();
        double noneThroughput = SeedStatistics.Mean(none, engine.Throughput.Value);
        double dynamicThroughput = SeedStatistics.Mean(dynamic, engine.Throughput.Value);
        report.Claim(context, "throughput, MOSEL ÷ all modalities", point, "3.6×", RatioText.Value(dynamicThroughput, noneThroughput),
            RatioText.Format(dynamicThroughput, noneThroughput, "req/s", "the baseline collapses"));
        double noneJct = SeedStatistics.Mean(none, s => s.JctMeanSeconds) * 1000;
        double dynamicJct = SeedStatistics.Mean(dynamic, s => s.JctMeanSeconds) * 1000;
        report.Claim(context, "mean JCT, all modalities ÷ MOSEL", point, "11×", RatioText.Value(noneJct, dynamicJct),
            RatioText.Format(noneJct, dynamicJct, "ms", "MOSEL's jobs take no time"));
        string Ratio(RunOutcome[] policy) => SeedStatistics.Mean(policy, engine.Violations.Value).ToString("P1", CultureInfo.InvariantCulture);
        report.Claim(context, "violations, all modalities → MOSEL", point, "—", double.NaN, $"{Ratio(none)} → {Ratio(dynamic)}");
    }
}
