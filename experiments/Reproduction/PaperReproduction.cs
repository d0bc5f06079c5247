using System.Diagnostics;
using System.Globalization;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using ScottPlot;

namespace Mosel.Experiments.Reproduction;

/// <summary>What <c>mosel reproduce</c> runs: which figures, how long, and the (staging) folder it writes into.</summary>
public sealed record ReproductionOptions(string OutDir, bool Quick, IReadOnlySet<string> Figures)
{
    public static readonly string[] AllFigures = ["1", "5", "6", "7", "8", "headline"];
}

/// <summary>Headline numbers next to the paper's.</summary>
public sealed record HeadlineRow(string Metric, string Setting, double Mosel, string Paper);

public sealed class ReproductionReport
{
    public List<HeadlineRow> Headline { get; } = new();

    public List<(string Caption, string File)> Figures { get; } = new();

    public double WallSeconds { get; set; }
}

/// <summary>Runs the experiment configs behind each paper figure, renders the figures and writes report.md.</summary>
public static class PaperReproduction
{
    private static readonly double[] s_estimateFactors = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];

    public static ReproductionReport Run(ReproductionOptions options, Action<string> log)
    {
        long started = Stopwatch.GetTimestamp();
        string configs = RepoPaths.Resolve("experiments/configs");
        string figures = Path.Combine(options.OutDir, "figures");
        Directory.CreateDirectory(figures);
        var report = new ReproductionReport();
        bool Wants(string figure) => options.Figures.Contains(figure);

        if (Wants("1"))
        {
            log("Fig. 1: per-configuration latency, memory and accuracy");
            foreach (string model in new[] { "tvlt", "vilt" })
            {
                ModelProfile profile = ProfileFile.Load(RepoPaths.Resolve($"profiles/{model}.h100-interim.yaml"));
                string file = Save(ConfigurationCostsRecipe.Build(Costs(profile)), figures, $"fig1_{model}");
                report.Figures.Add(($"Fig. 1 — {model}: latency (batch 1 and 32), peak memory and accuracy per modality configuration (fp32, {profile.Device})", file));
            }
        }
        if (Wants("5"))
        {
            foreach (string model in new[] { "tvlt", "vilt" })
            {
                log($"Fig. 5: goodput and SLO violations vs load, none vs dynamic ({model})");
                IReadOnlyList<RunOutcome> runs = Simulate(configs, $"fig5-{model}.yaml", options, []);
                string t = FigureFile.Save(LinesRecipe.Build($"{model}: goodput vs offered load", "offered load (req/s)", "goodput (req/s)",
                    Aggregate.ByLoad(runs, s => s.ThroughputRps)), figures, $"fig5_{model}_throughput")[0];
                string v = FigureFile.Save(LinesRecipe.Build($"{model}: SLO violations vs offered load", "offered load (req/s)", "SLO violation ratio",
                    Aggregate.ByLoad(runs, s => s.ViolationRatio), yMin: -0.02, yMax: 1.02), figures, $"fig5_{model}_violations")[0];
                report.Figures.Add(($"Fig. 5 — {model}: goodput vs offered load (mean of seeds, 95 % CI)", t));
                report.Figures.Add(($"Fig. 5 — {model}: SLO violation ratio vs offered load", v));
                if (model == "tvlt")
                {
                    double none = runs.Where(r => r.Run.Policy == "none").GroupBy(r => r.Run.LoadQps).Max(g => Aggregate.Mean(g, s => s.ThroughputRps));
                    double dynamic = runs.Where(r => r.Run.Policy == "dynamic").GroupBy(r => r.Run.LoadQps).Max(g => Aggregate.Mean(g, s => s.ThroughputRps));
                    report.Headline.Add(new HeadlineRow("peak goodput, dynamic ÷ none", "TVLT, Poisson sweep 10–120 req/s, 440 s per point", dynamic / none, "3.6× (throughput)"));
                }
            }
        }
        if (Wants("6"))
        {
            log("Fig. 6: served-accuracy distribution and the trace time series (TVLT, Twitter)");
            IReadOnlyList<RunOutcome> runs = Simulate(configs, "fig6.yaml", options, []);
            var series = runs.GroupBy(r => r.Run.Policy).Select(g =>
            {
                var mass = new Dictionary<double, double>();
                foreach (RunOutcome o in g)
                {
                    IReadOnlyList<long> bins = o.Result.JobAccuracyHistogram;
                    for (int i = 0; i < bins.Count; i++)
                    {
                        if (bins[i] > 0)
                        {
                            double at = (i + 0.5) / RunResult.AccuracyBins;
                            mass[at] = mass.GetValueOrDefault(at) + bins[i];
                        }
                    }
                }
                return (g.Key, (IReadOnlyList<(double, double)>)mass.Select(kv => (kv.Key, kv.Value)).ToArray(), Aggregate.Mean(g, s => s.MeanServedAccuracy));
            }).ToArray();
            string cdf = FigureFile.Save(AccuracyCdfRecipe.Build("TVLT on the Twitter trace: served accuracy", "job's served accuracy", series), figures, "fig6_accuracy_cdf")[0];
            report.Figures.Add(("Fig. 6 — CDF of the served accuracy of every finished request (its job's mean accuracy), none vs dynamic", cdf));
            double meanDynamic = series.Single(s => s.Key == "dynamic").Item3;
            report.Headline.Add(new HeadlineRow("mean served accuracy of dynamic", "TVLT, Twitter trace, mean 120 req/s", meanDynamic, "≈ 0.740"));

            RunOutcome trace = runs.First(r => r.Run.Policy == "dynamic");
            string ts = Save(TimeSeriesRecipe.Build("TVLT dynamic, Twitter trace", Windows(trace.Result), trace.Result.ConfigurationNames), figures, "timeseries_dynamic");
            report.Figures.Add(("Trace run (dynamic, seed 1): offered load, goodput and violations; mean served accuracy; modality mix per 4-s window", ts));
            RunOutcome baseline = runs.First(r => r.Run.Policy == "none");
            string tsNone = Save(TimeSeriesRecipe.Build("TVLT none, Twitter trace", Windows(baseline.Result), baseline.Result.ConfigurationNames), figures, "timeseries_none");
            report.Figures.Add(("The same trace with none (all modalities, fp32)", tsNone));
        }
        if (Wants("7"))
        {
            log("Fig. 7: SLO violations vs load for fp32, fp16 and dynamic+fp16 (TVLT)");
            IReadOnlyList<RunOutcome> runs = Simulate(configs, "fig7.yaml", options, []);
            string v = FigureFile.Save(LinesRecipe.Build("TVLT: SLO violations, fp32 vs fp16 vs dynamic+fp16", "offered load (req/s)", "SLO violation ratio",
                Aggregate.ByLoad(runs, s => s.ViolationRatio, p => p == "none" ? "none (fp32)" : p), yMin: -0.02, yMax: 1.02), figures, "fig7_violations")[0];
            report.Figures.Add(("Fig. 7 — SLO violation ratio vs offered load: none (fp32), fp16, dynamic+fp16", v));
        }
        if (Wants("8"))
        {
            log("Fig. 8: robustness to latency-estimation error (TVLT dynamic)");
            var byFactor = new List<(double Factor, IReadOnlyList<RunOutcome> Runs)>();
            foreach (double f in s_estimateFactors)
            {
                string factor = f.ToString("0.0", CultureInfo.InvariantCulture);
                byFactor.Add((f, Simulate(configs, "fig8.yaml", options, [$"executor.estimate_factor={factor}"], $"fig8/f{factor}")));
            }
            IReadOnlyList<RunOutcome> reference = byFactor.Single(b => b.Factor == 1.0).Runs;
            double goodput = Aggregate.Mean(reference, s => s.ThroughputRps);
            double accuracy = Aggregate.Mean(reference, s => s.MeanServedAccuracy);
            DataSeries Normalised(string name, Func<RunSummary, double> metric, double by) => new(name, byFactor.Select(b =>
            {
                (double mean, double half) = Aggregate.MeanCi(b.Runs.Select(o => metric(o.Result.Summary) / by).ToArray());
                return new SeriesPoint(b.Factor, mean, half);
            }).ToArray());
            string file = FigureFile.Save(LinesRecipe.Build("TVLT dynamic: latency-estimation error", "estimate ÷ true latency (f)", "normalised to f = 1",
                [Normalised("goodput", s => s.ThroughputRps, goodput), Normalised("mean served accuracy", s => s.MeanServedAccuracy, accuracy)], legend: Alignment.LowerRight),
                figures, "fig8_estimation_error")[0];
            report.Figures.Add(("Fig. 8 — goodput and mean served accuracy under latency-estimation error, normalised to f = 1", file));
            double worst = byFactor.Min(b => Aggregate.Mean(b.Runs, s => s.ThroughputRps) / goodput);
            report.Headline.Add(new HeadlineRow("lowest normalised goodput, f ∈ [0.5, 1.5]", "TVLT dynamic, Poisson 80 req/s", worst, "robust (Fig. 8)"));
        }
        if (Wants("headline"))
        {
            log("Headline: goodput and JCT of dynamic vs none on the Twitter trace");
            IReadOnlyList<RunOutcome> runs = Simulate(configs, "headline.yaml", options, []);
            foreach (var load in runs.GroupBy(r => r.Run.LoadQps).OrderBy(g => g.Key))
            {
                RunOutcome[] none = load.Where(r => r.Run.Policy == "none").ToArray();
                RunOutcome[] dynamic = load.Where(r => r.Run.Policy == "dynamic").ToArray();
                string setting = $"TVLT, Twitter trace, mean {load.Key:0} req/s";
                report.Headline.Add(new HeadlineRow("goodput, dynamic ÷ none", setting,
                    Aggregate.Mean(dynamic, s => s.ThroughputRps) / Aggregate.Mean(none, s => s.ThroughputRps), "3.6×"));
                report.Headline.Add(new HeadlineRow("mean JCT, none ÷ dynamic", setting,
                    Aggregate.Mean(none, s => s.JctMeanSeconds) / Aggregate.Mean(dynamic, s => s.JctMeanSeconds), "11×"));
                report.Headline.Add(new HeadlineRow("SLO violations none → dynamic (%)", setting, double.NaN,
                    $"{Aggregate.Mean(none, s => s.ViolationRatio):P1} → {Aggregate.Mean(dynamic, s => s.ViolationRatio):P1}"));
            }

            // With the worker's drop rule on, an overloaded baseline sheds its late jobs and its JCT stays bounded; the
            // paper's JCT gap comes from queues that keep every job. Same runs with the drop rule off (grace = 1000 s):
            IReadOnlyList<RunOutcome> kept = Simulate(configs, "headline.yaml", options, ["workload.loads_qps=[60]", "scheduler.grace_ms=1000000"], "headline-no-worker-drop");
            RunOutcome[] keptNone = kept.Where(r => r.Run.Policy == "none").ToArray();
            RunOutcome[] keptDynamic = kept.Where(r => r.Run.Policy == "dynamic").ToArray();
            const string keptSetting = "TVLT, Twitter trace, mean 60 req/s, worker drop rule off";
            report.Headline.Add(new HeadlineRow("mean JCT, none ÷ dynamic", keptSetting,
                Aggregate.Mean(keptNone, s => s.JctMeanSeconds) / Aggregate.Mean(keptDynamic, s => s.JctMeanSeconds), "11×"));
            report.Headline.Add(new HeadlineRow("goodput, dynamic ÷ none", keptSetting,
                Aggregate.Mean(keptDynamic, s => s.ThroughputRps) / Aggregate.Mean(keptNone, s => s.ThroughputRps), "3.6×"));
        }
        report.WallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ReportWriter.Write(Path.Combine(options.OutDir, "report.md"), report, options);
        return report;
    }

    private static IReadOnlyList<RunOutcome> Simulate(string configs, string file, ReproductionOptions options, string[] overrides, string? folder = null)
    {
        string path = Path.Combine(configs, file);
        var all = new List<string>(overrides);
        if (options.Quick)
        {
            ExperimentConfig probe = ConfigLoader.Load(path, overrides);
            all.Add("seeds=[1]");
            all.Add(probe.Arrivals == ArrivalKind.Poisson ? "workload.duration_s=60" : "workload.trace.duration_s=600");
        }
        ExperimentConfig config = ConfigLoader.Load(path, all);
        ExperimentSession.Resolve(config, RunBudget.Default);
        string directory = Path.Combine(options.OutDir, folder ?? Path.GetFileNameWithoutExtension(file));
        Directory.CreateDirectory(directory);
        return ExperimentSession.Run(config, directory);
    }

    private static string Save(IReadOnlyList<(string Name, Plot Plot)> panels, string folder, string name) =>
        FigureFile.SavePanels(panels, folder, name)[^1];

    private static ConfigurationCosts Costs(ModelProfile profile)
    {
        int configs = profile.Configurations.Count;
        IEnumerable<LatencyTable> tables = Enumerable.Range(0, configs).Select(c => profile.Table(Precision.Fp32, c)).ToArray();
        string label = profile.Metric.ScoreDescription + (profile.Metric.Approximate ? " (approximate)" : "");
        return new ConfigurationCosts(profile.Name, profile.Configurations.Select(c => c.Name).ToArray(),
            tables.Select(t => t.Seconds(1) * 1000).ToArray(),
            tables.Select(t => t.Seconds(32) * 1000).ToArray(),
            tables.Select(t => (t.PeakMemoryBytes(32) ?? 0) / (1024.0 * 1024 * 1024)).ToArray(),
            profile.Configurations.Select(c => c.Accuracy).ToArray(), label, "fp32");
    }

    private static WindowPoint[] Windows(RunResult result)
    {
        double width = result.Windows.Count > 1 ? result.Windows[1].StartSeconds - result.Windows[0].StartSeconds : 4;
        // Windows past the offered-load window only hold the drain of the last jobs: leave them out.
        return result.Windows.Where(w => w.StartSeconds + width <= result.Summary.OfferedSeconds + 1e-9).Select(w => new WindowPoint(w.StartSeconds, w.SubmittedRequests / width, w.MetRequests / width,
            (w.LateRequests + w.DroppedRequests) / width, w.MeanServedAccuracy,
            w.FinishedRequestsPerConfiguration.Select(n => w.FinishedRequests == 0 ? double.NaN : (double)n / w.FinishedRequests).ToArray())).ToArray();
    }
}
