using Mosel.Experiments.Running;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>Fig. 7: SLO violations against load for none (fp32), fp16 and dynamic+fp16 (TVLT).</summary>
public sealed class Figure7Precision : IPaperFigure
{
    public string Id => "7";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        context.Log("Fig. 7: SLO violations vs load for fp32, fp16 and dynamic+fp16 (TVLT)");
        IReadOnlyList<RunOutcome> runs = context.Simulate("fig7.yaml");
        string v = context.Save(LinesRecipe.Build("TVLT: SLO violations, fp32 vs fp16 vs dynamic+fp16", "offered load (req/s)", "SLO violation ratio",
            SeriesByLoad.Build(runs, s => s.ViolationRatio, p => p == "none" ? "none (fp32)" : p), yMin: -0.02, yMax: 1.02), "fig7_violations");
        report.Figures.Add(("Fig. 7 — SLO violation ratio vs offered load: none (fp32), fp16, dynamic+fp16", v));
    }
}
