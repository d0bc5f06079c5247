using System.Globalization;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>
/// Not a figure of the paper: MOSEL beside the peers' accuracy-scaling policies (static, SlackFit, INFaaS, Proteus, random
/// drop) on each trace of <c>peers.yaml</c>, under the ideal engine (the reference engine runs only the paper's policies).
/// Four figures, one panel per trace: goodput and p99 JCT against load, the share of jobs served at or above their
/// target, and served accuracy against goodput (each policy's three loads joined: the Pareto view).
/// </summary>
public sealed class PolicyComparison : IPaperFigure
{
    private const string File = "peers.yaml";
    private const string TraceKey = "workload.trace.file";

    public string Id => "peers";

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        if (!context.Has(File))
        {
            context.Log("policy comparison: no config for this engine (the reference engine runs only the paper's policies)");
            return;
        }
        context.Log("policy comparison: MOSEL and the peers' policies on three traces (TVLT)");
        IReadOnlyList<RunOutcome> runs = context.Simulate(File);
        IGrouping<string, RunOutcome>[] traces = [.. runs.GroupBy(TraceOf)];
        string[] order = [.. runs.Select(r => r.Run.Policy).Distinct()];
        DataSeries[] ByLoad(RunOutcome[] trace, Func<RunSummary, double> metric) =>
            [.. SeriesByLoad.Build(trace, metric, PolicyLabels.For).OrderBy(s => Array.IndexOf(order, PolicyOf(s.Name, order)))];

        (string Id, string Title, string Y, Func<RunSummary, double> Metric, double? YMin, double? YMax, bool Offered)[] perLoad =
        [
            ("goodput", "goodput", "goodput (req/s)", s => s.ThroughputRps, 0, null, true),
            ("target", "jobs at or above their target", "share of finished jobs", s => s.ShareJobsMeetingTarget, -0.02, 1.02, false),
            ("p99", "p99 job completion time", "p99 JCT (ms)", s => s.JctP99Seconds * 1000, 0, null, false),
        ];
        foreach (var figure in perLoad)
        {
            string file = context.Save(
                [.. traces.Select((t, i) => ($"{i}", LinesRecipe.Build($"{t.Key}: {figure.Title}", $"offered load (req/s); {SeriesByLoad.ErrorBars}", figure.Y,
                    ByLoad([.. t], figure.Metric), figure.YMin, figure.YMax, offeredLine: figure.Offered, legendOutside: true)))],
                $"peers_{figure.Id}");
            report.Figures.Add(($"Policy comparison — TVLT fp32, {context.Engine.Title}: {figure.Title} vs offered load, one panel per trace (peers.yaml)", file));
        }
        string pareto = context.Save(
            [.. traces.Select((t, i) => ($"{i}", LinesRecipe.Build($"{t.Key}: served accuracy vs goodput", "goodput (req/s); a policy's points are its loads, lowest left",
                "mean served accuracy", Pareto([.. t], order), legendOutside: true)))],
            "peers_pareto");
        report.Figures.Add(($"Policy comparison — the Pareto view: mean served accuracy against goodput, each policy's three loads joined, one panel per trace (up and right is better)", pareto));
        report.Tables.Add(Table(runs));
    }

    /// <summary>Each policy's (goodput, served accuracy) at each load, means over seeds, in load order.</summary>
    private static DataSeries[] Pareto(RunOutcome[] trace, string[] order) =>
        [.. trace.GroupBy(r => r.Run.Policy).OrderBy(g => Array.IndexOf(order, g.Key))
            .Select(policy => new DataSeries(PolicyLabels.For(policy.Key), [.. policy.GroupBy(r => r.Run.LoadQps ?? 0).OrderBy(g => g.Key)
                .Select(g => new SeriesPoint(SeedStatistics.Mean(g, s => s.ThroughputRps), SeedStatistics.Mean(g, s => s.MeanServedAccuracy), 0))]))];

    private static string PolicyOf(string label, string[] policies) => policies.FirstOrDefault(p => PolicyLabels.For(p) == label) ?? label;

    private static ReportTable Table(IReadOnlyList<RunOutcome> runs)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in runs.GroupBy(r => (Trace: TraceOf(r), Load: r.Run.LoadQps ?? 0, r.Run.Policy)))
        {
            RunOutcome[] seeds = [.. group];
            string Mean(Func<RunSummary, double> metric, string format) => SeedStatistics.Mean(seeds, metric).ToString(format, CultureInfo.InvariantCulture);
            (double goodput, double half) = SeedStatistics.MeanCi([.. seeds.Select(r => r.Result.Summary.ThroughputRps)]);
            rows.Add(
            [
                group.Key.Trace, group.Key.Load.ToString("0", CultureInfo.InvariantCulture), PolicyLabels.For(group.Key.Policy), seeds.Length.ToString(CultureInfo.InvariantCulture),
                FormattableString.Invariant($"{goodput:0.0} ± {half:0.0}"), Mean(s => s.ViolationRatio * 100, "0.0") + " %", Mean(s => s.MeanServedAccuracy, "0.0000"),
                Mean(s => s.ShareJobsMeetingTarget * 100, "0.0") + " %", Mean(s => s.JctP99Seconds * 1000, "0.0"),
            ]);
        }
        return new ReportTable("Policy comparison — per trace, load and policy (means over seeds; goodput with its 95 % CI)",
            ["trace", "load (req/s)", "policy", "seeds", "goodput (req/s)", "violations", "served accuracy", "jobs at target", "p99 JCT (ms)"], rows);
    }

    /// <summary>The trace a run replayed, by a reader's name for it.</summary>
    private static string TraceOf(RunOutcome run)
    {
        string file = Path.GetFileName(run.Run.Point.ValueOf(TraceKey) ?? "trace");
        return file switch
        {
            _ when file.StartsWith("twitter", StringComparison.Ordinal) => "Twitter",
            _ when file.StartsWith("load_step", StringComparison.Ordinal) => "load step",
            _ => $"Azure {Path.GetFileNameWithoutExtension(file)}",
        };
    }
}
