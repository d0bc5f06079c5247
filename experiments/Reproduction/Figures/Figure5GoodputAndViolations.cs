using System.Globalization;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Fig. 5: throughput and violations against offered load for TVLT and ViLT, all modalities vs MOSEL (fp32, and fp16 as the
/// authors' scripts run it), in the engine's own metrics; TVLT's peak-throughput ratios and its violations at three loads
/// are headline rows, and its per-load numbers (both metric definitions) a table.
/// </summary>
public sealed class Figure5GoodputAndViolations : IPaperFigure
{
    /// <summary>Where the TVLT violation claim ("from nearly 70 % to almost zero") is read: the fp32 baseline's knee and past it.</summary>
    private static readonly double[] s_violationLoads = [60, 70, 80, 120];

    private static readonly (string File, string Title)[] s_models = [("tvlt", "TVLT"), ("vilt", "ViLT")];
    private static readonly string[] s_moselPolicies = ["dynamic", "dynamic+fp16"];

    public string Id => "5";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        ReproductionEngine engine = context.Engine;
        foreach ((string model, string title) in s_models)
        {
            string file = $"fig5-{model}.yaml";
            if (!context.Has(file))
            {
                context.Log($"Fig. 5 ({title}): no config for this engine (the authors' code serves TVLT only)");
                continue;
            }
            context.Log($"Fig. 5: throughput and violations vs load ({title})");
            IReadOnlyList<RunOutcome> runs = context.Simulate(file);
            IReadOnlyList<DataSeries> throughput = SeriesByLoad.Build(runs, engine.Throughput, PolicyLabels.For);
            IReadOnlyList<DataSeries> violations = SeriesByLoad.Build(runs, engine.Violations, PolicyLabels.For);
            report.Figures.Add(context.Figure(LinesRecipe.Build($"{title}, {engine.Name} engine: throughput vs offered load", $"offered load (req/s); {SeriesByLoad.ErrorBars}",
                engine.ThroughputLabel, throughput, yMin: 0, offeredLine: true), $"fig5_{model}_throughput",
                $"Fig. 5 — {title}, {engine.Title}: {engine.ThroughputLabel} vs offered load (mean of seeds, 95 % CI)",
                FigureNumbers.Lines(throughput, ResultColumns.LoadQps, engine.Throughput.CsvName)));
            report.Figures.Add(context.Figure(LinesRecipe.Build($"{title}, {engine.Name} engine: violations vs offered load", $"offered load (req/s); {SeriesByLoad.ErrorBars}",
                engine.ViolationLabel, violations, yMin: -0.02, yMax: 1.02), $"fig5_{model}_violations",
                $"Fig. 5 — {title}, {engine.Title}: {engine.ViolationLabel} vs offered load", FigureNumbers.Lines(violations, ResultColumns.LoadQps, engine.Violations.CsvName)));
            if (model == "tvlt")
            {
                report.Tables.Add(PerLoadTable.Build($"Fig. 5 — TVLT per load, {engine.Title}", runs));
                Claims(context, report, runs);
            }
        }
    }

    private static void Claims(ReproductionContext context, ReproductionReport report, IReadOnlyList<RunOutcome> runs)
    {
        ReproductionEngine engine = context.Engine;
        (double noneLoad, double none) = Peak(runs, "none", engine);
        foreach (string mosel in s_moselPolicies.Where(p => runs.Any(r => r.Run.Policy == p)))
        {
            (double load, double peak) = Peak(runs, mosel, engine);
            report.Claim(context, "peak throughput, MOSEL ÷ all modalities (fp32)", $"TVLT sweep, {PolicyLabels.For(mosel)}", "3.6× overall, 5.3× TVLT",
                RatioText.Value(peak, none), RatioText.Format(peak, none, "req/s", "the baseline collapses",
                    FormattableString.Invariant($" at {load:0}"), FormattableString.Invariant($" at {noneLoad:0}")));
        }
        foreach (double load in s_violationLoads)
        {
            RunOutcome[] atLoad = runs.Where(r => r.Run.LoadQps == load).ToArray();
            if (atLoad.Length == 0)
            {
                continue;
            }
            string Ratio(string policy) => SeedStatistics.Mean(atLoad.Where(r => r.Run.Policy == policy), engine.Violations.Value).ToString("P1", CultureInfo.InvariantCulture);
            string moselRatios = string.Join(" / ", s_moselPolicies.Where(p => atLoad.Any(r => r.Run.Policy == p))
                .Select(p => $"{Ratio(p)} {(p == "dynamic" ? "fp32" : "fp16")}"));
            report.Claim(context, "TVLT violations, all modalities (fp32) → MOSEL", FormattableString.Invariant($"TVLT sweep, {load:0} req/s"), "≈ 70 % → ≈ 0",
                double.NaN, $"{Ratio("none")} → {moselRatios}");
        }
    }

    /// <summary>The load where the policy's mean throughput over seeds is highest, and that mean.</summary>
    private static (double Load, double Value) Peak(IReadOnlyList<RunOutcome> runs, string policy, ReproductionEngine engine) =>
        runs.Where(r => r.Run.Policy == policy).GroupBy(r => r.Run.LoadQps ?? 0)
            .Select(g => (g.Key, SeedStatistics.Mean(g, engine.Throughput.Value)))
            .MaxBy(p => p.Item2);
}
