using System.Globalization;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
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
    private const string MinKey = "workload.accuracy_target.min";

    public string Id => "5";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        context.Log("Fig. 5 by target band: MOSEL with targets from [0.743 − d, 0.743], d = 0.03 … 0.12 (TVLT)");
        // fig5-bands.yaml sweeps the band's lower end; a run's band is d = 0.743 − its swept minimum.
        IReadOnlyList<RunOutcome> runs = context.Simulate("fig5-bands.yaml");
        string Band(RunOutcome run) =>
            $"d = {(TopTarget - double.Parse(run.Run.Point.ValueOf(MinKey)!, CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture)}";
        report.Tables.Add(PerLoadTable.Build($"Fig. 5 by target band — TVLT, {engine.Title}", runs, [("band", Band)]));
        var series = runs.GroupBy(r => (Band(r), r.Run.Policy))
            .SelectMany(g => SeriesByLoad.Build(g.ToArray(), engine.Violations, p => $"{PolicyLabels.For(p)}, {g.Key.Item1}"))
            .ToArray();
        report.Figures.Add(context.Figure(LinesRecipe.Build($"TVLT, {engine.Name} engine: violations by target band", $"offered load (req/s); {SeriesByLoad.ErrorBars}", engine.ViolationLabel,
            series, yMin: -0.02, yMax: 1.02), "fig5_tvlt_bands",
            $"Fig. 5 by target band — TVLT, {engine.Title}: {engine.ViolationLabel} per band d (targets from [0.743 − d, 0.743])",
            FigureNumbers.Lines(series, ResultColumns.LoadQps, engine.Violations.CsvName)));
    }
}
