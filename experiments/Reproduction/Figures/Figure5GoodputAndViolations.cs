using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>Fig. 5: goodput and SLO violations against offered load, none vs dynamic, for TVLT and ViLT; TVLT's peak-goodput ratio is a headline row.</summary>
public sealed class Figure5GoodputAndViolations : IPaperFigure
{
    public string Id => "5";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        foreach (string model in new[] { "tvlt", "vilt" })
        {
            context.Log($"Fig. 5: goodput and SLO violations vs load, none vs dynamic ({model})");
            IReadOnlyList<RunOutcome> runs = context.Simulate($"fig5-{model}.yaml");
            string t = context.Save(LinesRecipe.Build($"{model}: goodput vs offered load", "offered load (req/s)", "goodput (req/s)",
                SeriesByLoad.Build(runs, s => s.ThroughputRps)), $"fig5_{model}_throughput");
            string v = context.Save(LinesRecipe.Build($"{model}: SLO violations vs offered load", "offered load (req/s)", "SLO violation ratio",
                SeriesByLoad.Build(runs, s => s.ViolationRatio), yMin: -0.02, yMax: 1.02), $"fig5_{model}_violations");
            report.Figures.Add(($"Fig. 5 — {model}: goodput vs offered load (mean of seeds, 95 % CI)", t));
            report.Figures.Add(($"Fig. 5 — {model}: SLO violation ratio vs offered load", v));
            if (model == "tvlt")
            {
                report.Headline.Add(new HeadlineRow("peak goodput, dynamic ÷ none", "TVLT, Poisson sweep 10–120 req/s, 440 s per point",
                    PeakGoodput(runs, "dynamic") / PeakGoodput(runs, "none"), "3.6× (throughput)"));
            }
        }
    }

    /// <summary>The policy's goodput at the load where its mean over seeds is highest.</summary>
    private static double PeakGoodput(IReadOnlyList<RunOutcome> runs, string policy) =>
        runs.Where(r => r.Run.Policy == policy).GroupBy(r => r.Run.LoadQps).Max(g => SeedStatistics.Mean(g, s => s.ThroughputRps));
}
