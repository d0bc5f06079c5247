using System.Globalization;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Reproduction;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using ScottPlot;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// Picks the figures a set of results calls for and renders them: every plotted metric against load (when there are
/// several loads) and against every numeric swept key, one line per policy and per value of whatever else varies; the
/// served-accuracy CDF per policy; the time series and modality mix of one run.
/// </summary>
public sealed class ReportBuilder
{
    private const string LoadAxis = "load_qps";
    private const int MaxLegendInside = 4;

    /// <summary>Room for a legend beside the plot.</summary>
    private const int WideWidth = 1020;
    private readonly IReadOnlyList<StudyResults> _studies;
    private readonly ReportPoint[] _points;
    private readonly string _folder;
    private readonly double _scale;
    private readonly bool _severalLoads;

    /// <summary>The swept keys that take more than one value across the points: they tell lines apart.</summary>
    private readonly string[] _varyingKeys;

    /// <param name="folder">The (staging) report folder; figures go to its figures/ folder.</param>
    public ReportBuilder(IReadOnlyList<StudyResults> studies, string folder, double scale)
    {
        _studies = studies;
        _points = studies.SelectMany(ReportPoint.Read).ToArray();
        _folder = folder;
        _scale = scale;
        SweptKeys = studies.SelectMany(s => s.SweptKeys).Distinct().ToArray();
        _severalLoads = _points.Select(p => p.Load).Distinct().Count() > 1;
        _varyingKeys = SweptKeys.Where(k => _points.Select(p => p.ValueOf(k)).Distinct().Count() > 1).ToArray();
    }

    /// <summary>Every swept key of every study, in first-seen order.</summary>
    public IReadOnlyList<string> SweptKeys { get; }

    public IReadOnlyList<ReportPoint> Points => _points;

    /// <param name="runId">The run whose time series is drawn; null: MOSEL (or the first policy) at the highest load, lowest seed.</param>
    public IReadOnlyList<ReportFigure> Build(string? runId)
    {
        var figures = new List<ReportFigure>();
        ReportMetric[] drawn = ReportMetric.All.Where(Drawn).ToArray();
        foreach (string axis in Axes())
        {
            foreach (ReportMetric metric in drawn)
            {
                figures.Add(MetricAgainst(metric, axis));
            }
        }
        figures.Add(AccuracyCdf());
        figures.Add(TimeSeries(runId));
        return figures;
    }

    /// <summary>A study's name in line labels; its folder's name where two studies share a name (a config run twice with other settings).</summary>
    private string StudyLabel(StudyResults study) =>
        _studies.Count(s => s.Name == study.Name) > 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(study.Folder)) : study.Name;

    /// <summary>Whether each of the metric's columns has a value at some point (measured accuracy only where requests were scored).</summary>
    private bool Drawn(ReportMetric metric) =>
        metric.Lines.All(l => _points.Any(p => p.Has(l.Column) && double.IsFinite(p.Metric(l.Column).Mean)));

    /// <summary>Load when there are several; then every swept key with several values that are all numbers.</summary>
    private IEnumerable<string> Axes()
    {
        if (_severalLoads)
        {
            yield return LoadAxis;
        }
        foreach (string key in _varyingKeys)
        {
            if (_points.All(p => double.TryParse(p.ValueOf(key), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                yield return key;
            }
        }
    }

    private static double X(ReportPoint point, string axis) => axis == LoadAxis
        ? point.Load ?? double.NaN
        : double.Parse(point.ValueOf(axis), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A line's name: the study (when several), the policy, and every other varying key's value.</summary>
    private string SeriesName(ReportPoint point, string axis)
    {
        var parts = new List<string>();
        if (_studies.Count > 1)
        {
            parts.Add(StudyLabel(point.Study));
        }
        parts.Add(PolicyLabels.For(point.Policy));
        if (axis != LoadAxis && _severalLoads)
        {
            parts.Add($"{point.Load?.ToString("0.##", CultureInfo.InvariantCulture) ?? "trace"} req/s");
        }
        foreach (string key in _varyingKeys.Where(k => k != axis))
        {
            parts.Add($"{Short(key)} = {point.ValueOf(key)}");
        }
        return string.Join(", ", parts);
    }

    private ReportFigure MetricAgainst(ReportMetric metric, string axis)
    {
        string xLabel = axis == LoadAxis ? "offered load (req/s)" : axis;
        var rows = new List<(string Series, double X, double Mean, double Ci, int Seeds)>();
        var series = new List<DataSeries>();
        foreach (var group in _points.GroupBy(p => SeriesName(p, axis)))
        {
            foreach (ReportLine column in metric.Lines)
            {
                string line = column.Suffix.Length == 0 ? group.Key : $"{group.Key}, {column.Suffix}";
                var points = group.Where(p => p.Has(column.Column))
                    .Select(p => (Point: p, X: X(p, axis), Value: p.Metric(column.Column)))
                    .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Value.Mean))
                    .OrderBy(p => p.X)
                    .ToArray();
                if (points.Length == 0)
                {
                    continue;
                }
                series.Add(new DataSeries(line, points.Select(p => new SeriesPoint(p.X, p.Value.Mean, p.Value.Ci95)).ToArray()));
                rows.AddRange(points.Select(p => (line, p.X, p.Value.Mean, p.Value.Ci95, p.Point.Seeds)));
            }
        }
        (double? yMin, double? yMax) = Range(metric, rows.Select(r => (r.Mean, r.Ci)).ToArray());
        int[] seeds = rows.Select(r => r.Seeds).Distinct().Order().ToArray();
        string errorBars = $"error bars: 95 % CI over seeds (n = {string.Join(", ", seeds)})";
        Plot plot = LinesRecipe.Build($"{Capitalised(metric.Label.Split(" (")[0])} vs {(axis == LoadAxis ? "load" : Short(axis))}", $"{xLabel}; {errorBars}", metric.Label,
            series, yMin, yMax, offeredLine: axis == LoadAxis && metric.Name == "throughput_rps");
        string name = $"{metric.Name}_vs_{FileName(axis)}";
        bool legendOutside = series.Count > MaxLegendInside;
        if (legendOutside)
        {
            // Many lines: a legend inside would hide some of them.
            plot.ShowLegend(Edge.Right);
        }
        WriteCsv(name, ["series", axis, $"{metric.Name}_mean", $"{metric.Name}_ci95", "seeds"],
            rows.Select(r => new object?[] { r.Series, r.X, r.Mean, r.Ci, r.Seeds }));
        return Save(plot, name, $"{metric.Label} against {xLabel}, one line per {(series.Count > 1 ? "series" : "policy")}; {errorBars}.",
            legendOutside ? WideWidth : FigureFile.Width);
    }

    /// <summary>Accuracy axes closely around the data (never far outside [0, 1]); shares over [0, 1]; rates and times from 0.</summary>
    private static (double?, double?) Range(ReportMetric metric, (double Mean, double Ci)[] values)
    {
        switch (metric.Axis)
        {
            case ReportAxis.Share:
                return (-0.02, 1.02);
            case ReportAxis.FromZero:
                return (0, null);
            default:
                if (values.Length == 0)
                {
                    return (0, 1);
                }
                double lo = values.Min(v => v.Mean - v.Ci);
                double hi = values.Max(v => v.Mean + v.Ci);
                double pad = Math.Max(0.002, (hi - lo) * 0.1);
                return (Math.Max(0, lo - pad), Math.Min(1, hi + pad));
        }
    }

    /// <summary>Per policy, the share of served requests at or below each served accuracy, over the seeds of one point.</summary>
    private ReportFigure AccuracyCdf()
    {
        ReportPoint first = _points[0];
        double? load = _points.Where(p => p.Study == first.Study && SameSweep(p, first)).Max(p => p.Load);
        ReportPoint[] chosen = _points.Where(p => p.Study == first.Study && SameSweep(p, first) && p.Load == load).ToArray();
        StudyResults study = first.Study;
        Dictionary<string, string> policyOfRun = RunsAt(study, first, load);
        CsvTable distribution = study.JobAccuracy(policyOfRun.Keys.ToHashSet());
        int accuracy = distribution.Column("job_accuracy");
        int requests = distribution.Column("requests");
        var series = new List<(string Name, IReadOnlyList<(double Accuracy, double Requests)> Mass, double Mean)>();
        var rows = new List<object?[]>();
        foreach (ReportPoint point in chosen)
        {
            (double Accuracy, double Requests)[] mass = distribution.Rows.Where(r => policyOfRun[r[0]] == point.Policy)
                .GroupBy(r => distribution.Number(r, accuracy))
                .Select(g => (g.Key, g.Sum(r => distribution.Number(r, requests))))
                .OrderBy(m => m.Key)
                .ToArray();
            if (mass.Length == 0)
            {
                continue;
            }
            series.Add((PolicyLabels.For(point.Policy), mass, point.Metric("mean_served_accuracy").Mean));
            double total = mass.Sum(m => m.Requests);
            double cumulative = 0;
            foreach ((double a, double n) in mass)
            {
                cumulative += n;
                rows.Add([point.Policy, a, n, cumulative / total]);
            }
        }
        string where = $"{study.Name}, {(load is double l ? l.ToString("0.##", CultureInfo.InvariantCulture) + " req/s" : "the trace")}{SweepText(first)}";
        Plot plot = series.Count > 0
            ? AccuracyCdfRecipe.Build($"Served accuracy: {where}", "job's served accuracy (exact values)", series)
            : FigureFile.NewPlot($"Served accuracy: {where} (no request finished)", "job's served accuracy", "share of served requests ≤ x");
        WriteCsv("accuracy_cdf", ["policy", "job_accuracy", "requests", "cumulative_share"], rows);
        return Save(plot, "accuracy_cdf", $"CDF of the served accuracy of every finished request (its job's accuracy), per policy, {where}, seeds pooled; dashed: the mean.");
    }

    /// <summary>Offered load, goodput and violations; mean served accuracy; modality mix; per metrics window, for one run.</summary>
    private ReportFigure TimeSeries(string? runId)
    {
        (StudyResults study, string[] run) = ChooseRun(runId);
        CsvTable summary = study.Summary;
        string id = run[summary.Column("run_id")];
        CsvTable windows = study.Windows(id);
        int[] configurations = Enumerable.Range(0, windows.Header.Count).Where(i => windows.Header[i].StartsWith("requests_", StringComparison.Ordinal)).ToArray();
        double Field(string[] row, string column) => windows.Number(row, windows.Column(column));
        (WindowPoint[] points, double width) = WindowCounts.Rates(windows.Rows.Select(r => new WindowCounts(Field(r, "window_start_s"), Field(r, "submitted_requests"),
            Field(r, "met_requests"), Field(r, "late_requests"), Field(r, "dropped_requests"), Field(r, "mean_served_accuracy"),
            configurations.Select(c => windows.Number(r, c)).ToArray())).ToArray(), summary.Number(run, summary.Column("offered_s")));
        string[] names = configurations.Select(c => windows.Header[c]["requests_".Length..]).ToArray();
        string policy = run[summary.Column("policy")];
        string swept = string.Concat(study.SweptKeys.Select(k => $", {Short(k)} = {run[summary.Column(k)]}"));
        string label = $"{study.Name}: {PolicyLabels.For(policy)}, {LoadText(summary, run)}{swept}, seed {run[summary.Column("seed")]}";
        IReadOnlyList<(string Name, Plot Plot)> panels = TimeSeriesRecipe.Build(label, points, names);
        const string name = "timeseries";
        WriteCsv(name, ["window_start_s", "offered_rps", "goodput_rps", "violated_rps", "mean_served_accuracy", .. names.Select(n => $"share_{n}")],
            points.Select(p => new object?[] { p.StartSeconds, p.OfferedRps, p.GoodputRps, p.ViolatedRps, p.MeanAccuracy }.Concat(p.ConfigurationShares.Cast<object?>()).ToArray()));
        IReadOnlyList<string> files = FigureFile.SavePanels(panels, FiguresDir, name, scale: _scale);
        return new ReportFigure($"Time series of run {id}", $"Run {id} ({label}): offered load, goodput and violated requests per {width:0.##}-s window; mean served accuracy; the modality mix (share of finished requests per configuration).",
            Relative(files[^1]), Relative(files[^2]), $"figures/{name}.csv");
    }

    /// <summary>The run asked for, or the default: a modality-selecting policy (else the first) at the highest load, lowest seed, first point.</summary>
    private (StudyResults, string[]) ChooseRun(string? runId)
    {
        if (runId is not null)
        {
            foreach (StudyResults study in _studies)
            {
                int idColumn = study.Summary.Column("run_id");
                string[]? row = study.Summary.Rows.FirstOrDefault(r => r[idColumn] == runId);
                if (row is not null)
                {
                    return (study, row);
                }
            }
            throw new ConfigException($"--run: no run '{runId}' in {string.Join(", ", _studies.Select(s => Path.Combine(s.Folder, "summary.csv")))}");
        }
        StudyResults first = _studies[0];
        CsvTable summary = first.Summary;
        int policy = summary.Column("policy");
        int load = summary.Column("load_qps");
        int seed = summary.Column("seed");
        string[] chosen = summary.Rows
            .OrderByDescending(r => Policies.PolicyCatalog.PlansToTargets(r[policy]))
            .ThenByDescending(r => summary.NumberOrNull(r, load) ?? double.NegativeInfinity)
            .ThenBy(r => summary.Number(r, seed))
            .First();
        return (first, chosen);
    }

    /// <summary>The run ids of a study at one sweep point and load, with each run's policy.</summary>
    private static Dictionary<string, string> RunsAt(StudyResults study, ReportPoint point, double? load)
    {
        CsvTable summary = study.Summary;
        int id = summary.Column("run_id");
        int policy = summary.Column("policy");
        int loadColumn = summary.Column("load_qps");
        int[] swept = study.SweptKeys.Select(summary.Column).ToArray();
        return summary.Rows
            .Where(r => summary.NumberOrNull(r, loadColumn) == load)
            .Where(r => study.SweptKeys.Select((k, i) => r[swept[i]] == point.ValueOf(k)).All(same => same))
            .ToDictionary(r => r[id], r => r[policy]);
    }

    private static bool SameSweep(ReportPoint a, ReportPoint b) => a.Sweep.Count == b.Sweep.Count && a.Sweep.All(s => b.ValueOf(s.Key) == s.Value);

    private static string SweepText(ReportPoint point) => point.Sweep.Count == 0 ? "" : ", " + string.Join(", ", point.Sweep.Select(s => $"{Short(s.Key)} = {s.Value}"));

    private static string LoadText(CsvTable summary, string[] run) =>
        summary.NumberOrNull(run, summary.Column("load_qps")) is double l ? $"{l.ToString("0.##", CultureInfo.InvariantCulture)} req/s" : "the trace";

    /// <summary>A swept key's last part (estimate_factor for executor.estimate_factor), for legends.</summary>
    private static string Short(string key) => key[(key.LastIndexOf('.') + 1)..];

    private static string FileName(string key) => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private string FiguresDir => Path.Combine(_folder, "figures");

    private string Relative(string path) => Path.GetRelativePath(_folder, path).Replace('\\', '/');

    private ReportFigure Save(Plot plot, string name, string caption, int width = FigureFile.Width)
    {
        IReadOnlyList<string> files = FigureFile.Save(plot, FiguresDir, name, width, FigureFile.Height, _scale);
        string title = plot.Axes.Title.Label.Text;
        return new ReportFigure(title, caption, Relative(files[0]), Relative(files[1]), $"figures/{name}.csv");
    }

    private void WriteCsv(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        Directory.CreateDirectory(FiguresDir);
        using CsvHelper.CsvWriter csv = CsvFiles.Create(Path.Combine(FiguresDir, name + ".csv"));
        csv.WriteRow(header.Cast<object?>().ToArray());
        foreach (object?[] row in rows)
        {
            csv.WriteRow(row);
        }
    }
}
