using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;

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
        DataSeries[] ByLoad(RunOutcome[] trace, SummaryColumn metric) =>
            [.. SeriesByLoad.Build(trace, metric, PolicyLabels.For).OrderBy(s => Array.IndexOf(order, PolicyOf(s.Name, order)))];

        (string Id, string Title, string Y, SummaryColumn Metric, double? YMin, double? YMax, bool Offered)[] perLoad =
        [
            ("goodput", "goodput", "goodput (req/s)", SummaryColumns.Throughput, 0, null, true),
            ("target", "jobs at or above their target", "share of finished jobs", SummaryColumns.AtTarget, -0.02, 1.02, false),
            ("p99", "p99 job completion time", "p99 JCT (ms)", SummaryColumns.JctP99, 0, null, false),
        ];
        foreach (var figure in perLoad)
        {
            (string Panel, IReadOnlyList<DataSeries> Series)[] panels = [.. traces.Select(t => (t.Key, (IReadOnlyList<DataSeries>)ByLoad([.. t], figure.Metric)))];
            report.Figures.Add(context.Figure(
                [.. panels.Select((p, i) => ($"{i}", LinesRecipe.Build($"{p.Panel}: {figure.Title}", $"offered load (req/s); {SeriesByLoad.ErrorBars}", figure.Y,
                    p.Series, figure.YMin, figure.YMax, offeredLine: figure.Offered, legendOutside: true)))],
                $"peers_{figure.Id}", $"Policy comparison — TVLT fp32, {context.Engine.Title}: {figure.Title} vs offered load, one panel per trace (peers.yaml)",
                FigureNumbers.Lines(panels, ResultColumns.LoadQps, figure.Metric.CsvName)));
        }
        (string Panel, IReadOnlyList<DataSeries> Series)[] pareto = [.. traces.Select(t => (t.Key, (IReadOnlyList<DataSeries>)Pareto([.. t], order)))];
        report.Figures.Add(context.Figure(
            [.. pareto.Select((p, i) => ($"{i}", LinesRecipe.Build($"{p.Panel}: served accuracy vs goodput", "goodput (req/s); a policy's points are its loads, lowest left",
                "mean served accuracy", p.Series, legendOutside: true)))],
            "peers_pareto", "Policy comparison — the Pareto view: mean served accuracy against goodput, each policy's three loads joined, one panel per trace (up and right is better)",
            FigureNumbers.Lines(pareto, SummaryColumns.Throughput.CsvName, SummaryColumns.ServedAccuracy.CsvName)));
        report.Tables.Add(PerLoadTable.Build("Policy comparison — per trace, load and policy (means over seeds ± 95 % CI)", runs, [("trace", TraceOf)],
            [SummaryColumns.Throughput, SummaryColumns.Violations, SummaryColumns.ServedAccuracy, SummaryColumns.AtTarget, SummaryColumns.JctP99]));
    }

    /// <summary>Each policy's (goodput, served accuracy) at each load, means over seeds, in load order.</summary>
    private static DataSeries[] Pareto(RunOutcome[] trace, string[] order) =>
        [.. trace.GroupBy(r => r.Run.Policy).OrderBy(g => Array.IndexOf(order, g.Key))
            .Select(policy => new DataSeries(PolicyLabels.For(policy.Key), [.. policy.GroupBy(r => r.Run.LoadQps ?? 0).OrderBy(g => g.Key)
                .Select(g => new SeriesPoint(SeedStatistics.Mean(g, s => s.ThroughputRps), SeedStatistics.Mean(g, s => s.MeanServedAccuracy), 0))]))];

    private static string PolicyOf(string label, string[] policies) => policies.FirstOrDefault(p => PolicyLabels.For(p) == label) ?? label;

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
