using Mosel.Experiments.Output;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// The paper's headline: goodput and mean JCT of dynamic against none on the Twitter trace, per load, and once more
/// at 60 req/s with the worker's drop rule off.
/// </summary>
public sealed class HeadlineNumbers : IPaperFigure
{
    public string Id => "headline";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        context.Log("Headline: goodput and JCT of dynamic vs none on the Twitter trace");
        IReadOnlyList<RunOutcome> runs = context.Simulate("headline.yaml");
        foreach (var load in runs.GroupBy(r => r.Run.LoadQps).OrderBy(g => g.Key))
        {
            RunOutcome[] none = load.Where(r => r.Run.Policy == "none").ToArray();
            RunOutcome[] dynamic = load.Where(r => r.Run.Policy == "dynamic").ToArray();
            string setting = $"TVLT, Twitter trace, mean {load.Key:0} req/s";
            report.Headline.Add(new HeadlineRow("goodput, dynamic ÷ none", setting,
                SeedStatistics.Mean(dynamic, s => s.ThroughputRps) / SeedStatistics.Mean(none, s => s.ThroughputRps), "3.6×"));
            report.Headline.Add(new HeadlineRow("mean JCT, none ÷ dynamic", setting,
                SeedStatistics.Mean(none, s => s.JctMeanSeconds) / SeedStatistics.Mean(dynamic, s => s.JctMeanSeconds), "11×"));
            report.Headline.Add(new HeadlineRow("SLO violations none → dynamic (%)", setting, double.NaN,
                $"{SeedStatistics.Mean(none, s => s.ViolationRatio):P1} → {SeedStatistics.Mean(dynamic, s => s.ViolationRatio):P1}"));
        }

        // With the worker's drop rule on, an overloaded baseline sheds its late jobs and its JCT stays bounded; the
        // paper's JCT gap comes from queues that keep every job. Same runs with the drop rule off (grace = 1000 s):
        IReadOnlyList<RunOutcome> kept = context.Simulate("headline.yaml",
            o => o with { Workload = o.Workload! with { LoadsQps = [60] }, Scheduler = o.Scheduler with { GraceMs = 1_000_000 } }, "headline-no-worker-drop");
        RunOutcome[] keptNone = kept.Where(r => r.Run.Policy == "none").ToArray();
        RunOutcome[] keptDynamic = kept.Where(r => r.Run.Policy == "dynamic").ToArray();
        const string keptSetting = "TVLT, Twitter trace, mean 60 req/s, worker drop rule off";
        report.Headline.Add(new HeadlineRow("mean JCT, none ÷ dynamic", keptSetting,
            SeedStatistics.Mean(keptNone, s => s.JctMeanSeconds) / SeedStatistics.Mean(keptDynamic, s => s.JctMeanSeconds), "11×"));
        report.Headline.Add(new HeadlineRow("goodput, dynamic ÷ none", keptSetting,
            SeedStatistics.Mean(keptDynamic, s => s.ThroughputRps) / SeedStatistics.Mean(keptNone, s => s.ThroughputRps), "3.6×"));
    }
}
