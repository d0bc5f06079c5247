using System.Globalization;
using Mosel.Experiments.Running;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Fig. 5 by accuracy-target band: the authors' sweeps draw each run's target from [0.743 − d, 0.743] with
/// d ∈ {0.03, 0.06, 0.09, 0.12}. One target is drawn per run, so seeds are also target draws: this runs each band with
/// the same seeds and reports MOSEL's violations and accuracy per band and load (a table and a figure).
/// </summary>
public sealed class Figure5TargetBands : IPaperFigure
{
    private const double TopTarget = 0.743;
    private static readonly double[] s_bands = [0.03, 0.06, 0.09, 0.12];

    public string Id => "5";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        const string file = "fig5-bands.yaml";
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 5 by target band: MOSEL with targets from [0.743 − d, 0.743], d = 0.03 … 0.12 (TVLT)");
        var runs = new List<RunOutcome>();
        var band = new Dictionary<RunOutcome, string>(ReferenceEqualityComparer.Instance);
        foreach (double d in s_bands)
        {
            string name = d.ToString("0.00", CultureInfo.InvariantCulture);
            IReadOnlyList<RunOutcome> banded = context.Simulate(file,
                o => o with { Workload = o.Workload! with { AccuracyTarget = o.Workload.AccuracyTarget with { Min = TopTarget - d, Max = TopTarget } } }, $"fig5-bands/d{name}");
            foreach (RunOutcome run in banded)
            {
                band[run] = $"d = {name}";
            }
            runs.AddRange(banded);
        }
        report.Tables.Add(PerLoadTable.Build($"Fig. 5 by target band — TVLT, {engine.Title}", runs, r => band[r]));
        var series = runs.GroupBy(r => (band[r], r.Run.Policy))
            .SelectMany(g => SeriesByLoad.Build(g.ToArray(), engine.Violations, p => $"{PolicyLabels.For(p)}, {g.Key.Item1}"))
            .ToArray();
        string v = context.Save(LinesRecipe.Build($"TVLT, {engine.Name} engine: violations by target band", $"offered load (req/s); {SeriesByLoad.ErrorBars}", engine.ViolationLabel,
            series, yMin: -0.02, yMax: 1.02), "fig5_tvlt_bands");
        report.Figures.Add(($"Fig. 5 by target band — TVLT, {engine.Title}: {engine.ViolationLabel} per band d (targets from [0.743 − d, 0.743])", v));
    }
}
