using System.Globalization;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;
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
    private const string LoadAxis = ResultColumns.LoadQps;
    private const int MaxLegendInside = 4;

    /// <summary>Room for a legend beside the plot.</summary>
    private const int WideWidth = 1020;

    /// <summary>The height of each panel of a figure split into small multiples.</summary>
    private const int PanelHeight = 340;
    private readonly IReadOnlyList<StudyResults> _studies;
    private readonly ReportPoint[] _points;
    private readonly ReportLayout _layout;
    private readonly IReadOnlyDictionary<string, string> _shortKeys;
    private readonly FigureFolder _figures;
    private readonly double _scale;
    private readonly bool _severalLoads;

    /// <summary>The swept keys that take more than one value across the points: they tell lines apart.</summary>
    private readonly string[] _varyingKeys;

    /// <param name="folder">The (staging) report folder; figures go to its figures/ folder.</param>
    /// <param name="layout">The user's choice of points, metrics, panels, colours and line styles (each checked here: bad input is one line).</param>
    public ReportBuilder(IReadOnlyList<StudyResults> studies, string folder, double scale, ReportLayout? layout = null)
    {
        _studies = studies;
        _layout = layout ?? ReportLayout.Default;
        _figures = new FigureFolder(folder);
        _scale = scale;
        SweptKeys = studies.SelectMany(s => s.SweptKeys).Distinct().ToArray();
        _shortKeys = KeyNames.Shortest(SweptKeys);
        _points = Filtered(studies.SelectMany(ReportPoint.Read).ToArray());
        _severalLoads = _points.Select(p => p.Load).Distinct().Count() > 1;
        _varyingKeys = SweptKeys.Where(k => _points.Select(p => p.ValueOf(k)).Distinct().Count() > 1).ToArray();
        foreach (string metric in _layout.Metrics.Where(m => ReportMetric.All.All(r => r.Name != m)))
        {
            throw new ConfigException($"--metrics: '{metric}' is not a metric a report draws ({string.Join(", ", ReportMetric.All.Select(r => r.Name))})");
        }
    }

    /// <summary>The points --where keeps; a key the results do not have, or a filter that keeps nothing, is one line.</summary>
    private ReportPoint[] Filtered(ReportPoint[] points)
    {
        foreach ((string key, string value) in _layout.Where)
        {
            string[] keys = [ResultColumns.Policy, ResultColumns.LoadQps, .. SweptKeys];
            if (!keys.Contains(key))
            {
                throw new ConfigException($"--where: '{key}' is not a key of these results ({string.Join(", ", keys)})");
            }
            points = [.. points.Where(p => KeyValue(p, key) == value)];
            if (points.Length == 0)
            {
                throw new ConfigException($"--where: no point has {key}={value}");
            }
        }
        return points;
    }

    /// <summary>A point's value of a key as --where compares it: the policy's name, the load as written, or the swept value.</summary>
    private static string KeyValue(ReportPoint point, string key) => key switch
    {
        ResultColumns.Policy => point.Policy,
        ResultColumns.LoadQps => point.Load?.ToString("R", CultureInfo.InvariantCulture) ?? "",
        _ => point.ValueOf(key),
    };

    /// <summary>Every swept key of every study, in first-seen order.</summary>
    private IReadOnlyList<string> SweptKeys { get; }

    /// <summary>
    /// The whole report: what it covers, the figures, the aggregate table, and each study's resolved config and
    /// provenance (figures are rendered into the report folder as the document is built).
    /// </summary>
    /// <param name="runId">The run whose time series is drawn; null: MOSEL (or the first policy) at the highest load, lowest seed.</param>
    public ReportDocument Document(string? runId)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph($"{_studies.Sum(s => s.Summary.Rows.Count)} runs from {string.Join(", ", _studies.Select(s => Path.GetFullPath(s.Folder)))}; figures picked from what varies (load, swept keys)."),
            new ReportHeading("Figures"),
        };
        blocks.AddRange(Figures(runId));
        blocks.Add(ReportTableRows.Build(_points, SweptKeys, _studies.Count > 1));
        foreach (StudyResults study in _studies)
        {
            blocks.AddRange(
            [
                new ReportHeading($"{study.Name}: config and provenance"),
                new ReportParagraph($"Results folder: `{Path.GetFullPath(study.Folder)}`"),
                new ReportCode(ResultFiles.ResolvedConfig, "yaml", study.Config, Open: true),
                new ReportCode(ResultFiles.Provenance, "json", study.ProvenanceJson, Open: false),
            ]);
        }
        return new ReportDocument($"Mosel report: {string.Join(", ", _studies.Select(s => s.Name).Distinct())}", blocks);
    }

    private List<ReportFigure> Figures(string? runId)
    {
        var figures = new List<ReportFigure>();
        ReportMetric[] drawn = ReportMetric.All.Where(m => (_layout.Metrics.Count == 0 || _layout.Metrics.Contains(m.Name)) && Drawn(m)).ToArray();
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
        metric.Lines.All(l => _points.Any(p => p.Has(l.Metric) && double.IsFinite(p.Metric(l.Metric).Mean)));

    /// <summary>
    /// Load when there are several; then every swept key with several values that are all numbers; but not a key the user
    /// made the panels, colours or markers (a key cannot be both an axis and a legend).
    /// </summary>
    private IEnumerable<string> Axes()
    {
        string?[] chosen = [_layout.Facet, _layout.Color, _layout.Style];
        if (_severalLoads && !chosen.Contains(LoadAxis))
        {
            yield return LoadAxis;
        }
        foreach (string key in _varyingKeys.Where(k => !chosen.Contains(k)))
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

    /// <summary>The ways points differ in a figure against <paramref name="axis"/>: the study (when several), the policy, the load (when it is not the axis) and every other varying key.</summary>
    private ReportDimension[] Dimensions(string axis)
    {
        var dimensions = new List<ReportDimension>();
        if (_studies.Count > 1)
        {
            dimensions.Add(new ReportDimension("study", "study", p => StudyLabel(p.Study)));
        }
        dimensions.Add(new ReportDimension(ResultColumns.Policy, "policy", p => PolicyLabels.For(p.Policy)));
        if (axis != LoadAxis && _severalLoads)
        {
            dimensions.Add(new ReportDimension(LoadAxis, "load", p => $"{p.Load?.ToString("0.##", CultureInfo.InvariantCulture) ?? "trace"} req/s"));
        }
        dimensions.AddRange(_varyingKeys.Where(k => k != axis).Select(k => new ReportDimension(k, Short(k), p => p.ValueOf(k))));
        return [.. dimensions];
    }

    /// <summary>
    /// Which dimension colours the lines, which styles them and which split the figure into panels: as the user chose, else
    /// the policy colours, and when one plot would carry more than <see cref="ReportLayout.MaxSeries"/> lines the dimension
    /// with the fewest values (at most four) picks their markers and the others make one panel per combination.
    /// </summary>
    private (ReportDimension Color, ReportDimension? Style, ReportDimension[] Facets) Arrange(ReportDimension[] dimensions, string axis)
    {
        ReportDimension Find(string? key, string option) => key is null ? dimensions[0]
            : dimensions.FirstOrDefault(d => d.Key == key)
                ?? throw new ConfigException(key == axis
                    ? $"{option}: '{key}' is the x axis of a figure; choose another key"
                    : $"{option}: '{key}' does not vary in these results (keys that do: {string.Join(", ", dimensions.Select(d => d.Key))})");
        int Values(ReportDimension d) => _points.Select(d.Value).Distinct().Count();
        ReportDimension color = Find(_layout.Color ?? ResultColumns.Policy, "--color");
        ReportDimension? style = _layout.Style is { } s ? Find(s, "--style") : null;
        if (style is not null && Values(style) > ReportLayout.Styles)
        {
            throw new ConfigException($"--style: '{style.Key}' has {Values(style)} values; markers tell at most {ReportLayout.Styles} apart");
        }
        ReportDimension[] facets = _layout.Facet is { } f ? [Find(f, "--facet")] : [];
        ReportDimension[] rest = [.. dimensions.Where(d => d != color && d != style && !facets.Contains(d))];
        int lines = _points.GroupBy(p => string.Join('\u001f', dimensions.Select(d => d.Value(p)))).Count();
        if (_layout.Facet is null && lines > ReportLayout.MaxSeries && rest.Length > 0)
        {
            ReportDimension[] byValues = [.. rest.OrderBy(Values)];
            style ??= byValues.FirstOrDefault(d => Values(d) <= ReportLayout.Styles);
            facets = [.. byValues.Where(d => d != style)];
        }
        return (color, style, facets);
    }

    private ReportFigure MetricAgainst(ReportMetric metric, string axis)
    {
        string xLabel = axis == LoadAxis ? "offered load (req/s)" : axis;
        ReportDimension[] dimensions = Dimensions(axis);
        (ReportDimension color, ReportDimension? style, ReportDimension[] facets) = Arrange(dimensions, axis);
        ReportDimension[] named = [.. dimensions.Where(d => d != color && d != style && !facets.Contains(d))];
        string[] colors = [.. _points.Select(color.Value).Distinct()];
        string[] styles = style is null ? [] : [.. _points.Select(style.Value).Distinct()];
        var rows = new List<(ReportPoint Point, string Column, double Mean, double Ci)>();
        var panels = new List<(string Title, List<DataSeries> Series)>();
        foreach (var panel in _points.GroupBy(p => string.Join(", ", facets.Select(d => d.Describe(d.Value(p))))))
        {
            var series = new List<DataSeries>();
            foreach (var group in panel.GroupBy(p => (Color: color.Value(p), Style: style?.Value(p), Others: string.Join(", ", named.Select(d => d.Describe(d.Value(p)))))))
            {
                string name = string.Join(", ", new[] { color.Describe(group.Key.Color), style is null ? "" : style.Describe(group.Key.Style!), group.Key.Others }.Where(t => t.Length > 0));
                for (int lineIndex = 0; lineIndex < metric.Lines.Count; lineIndex++)
                {
                    ReportLine column = metric.Lines[lineIndex];
                    string line = column.Suffix.Length == 0 ? name : $"{name}, {column.Suffix}";
                    var points = group.Where(p => p.Has(column.Metric))
                        .Select(p => (Point: p, X: X(p, axis), Value: p.Metric(column.Metric)))
                        .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Value.Mean))
                        .OrderBy(p => p.X)
                        .ToArray();
                    if (points.Length == 0)
                    {
                        continue;
                    }
                    series.Add(new DataSeries(line, [.. points.Select(p => new SeriesPoint(p.X, p.Value.Mean, Bar(p.Value.Ci95)))])
                    {
                        Color = (Array.IndexOf(colors, group.Key.Color) * metric.Lines.Count) + lineIndex,
                        Style = style is null ? null : Array.IndexOf(styles, group.Key.Style),
                    });
                    rows.AddRange(points.Select(p => (p.Point, column.Metric.CsvName, p.Value.Mean, p.Value.Ci95)));
                }
            }
            panels.Add((panel.Key, series));
        }
        (double? yMin, double? yMax) = Range(metric, rows.Select(r => (r.Mean, Bar(r.Ci))).ToArray());
        int[] seeds = rows.Select(r => r.Point.Seeds).Distinct().Order().ToArray();
        string errorBars = $"error bars: 95 % CI over seeds (n = {string.Join(", ", seeds)})";
        string title = $"{Capitalised(metric.Label.Split(" (")[0])} vs {(axis == LoadAxis ? "load" : Short(axis))}";
        bool legendOutside = panels.Any(p => p.Series.Count > MaxLegendInside);
        int width = legendOutside ? WideWidth : FigureFile.Width;
        // With a marker dimension and nothing else named in the lines, the legend lists colours and markers apart.
        LegendEntry[]? entries = style is null || named.Length > 0 || metric.Lines.Count > 1 ? null :
            [.. colors.Select((c, i) => new LegendEntry(color.Describe(c), i, null)), .. styles.Select((v, i) => new LegendEntry(style.Describe(v), null, i))];
        (string Name, Plot Plot)[] plots = [.. panels.Select((p, i) => ($"{i}", LinesRecipe.Build(p.Title.Length == 0 ? title : $"{title}: {p.Title}", $"{xLabel}; {errorBars}", metric.Label,
            p.Series, yMin, yMax, offeredLine: axis == LoadAxis && metric.IsGoodput, legendOutside: legendOutside, entries: entries)))];
        string file = $"{metric.Name}_vs_{FileName(axis)}";
        WriteTidyCsv(file, rows);
        string lines = $"colour: {color.Key}{(style is null ? "" : $", marker: {style.Key}")}{(facets.Length == 0 ? "" : $", one panel per {string.Join(" and ", facets.Select(d => d.Key))}")}";
        string caption = $"{metric.Label} against {xLabel} ({lines}); {errorBars}.";
        if (plots.Length == 1)
        {
            return Save(plots[0].Plot, file, caption, width);
        }
        IReadOnlyList<string> files = FigureFile.SavePanels(plots, _figures.Path, file, PanelHeight, _scale, width);
        return _figures.Figure(title, caption, files[^1], files[^2], file);
    }

    /// <summary>The numbers a metric figure draws in tidy form: one column per swept key, the policy, load, metric, mean, CI and seeds.</summary>
    private void WriteTidyCsv(string name, IEnumerable<(ReportPoint Point, string Column, double Mean, double Ci)> rows)
    {
        bool studies = _studies.Count > 1;
        string[] header = [.. studies ? ["study"] : Array.Empty<string>(), .. SweptKeys, ResultColumns.Policy, ResultColumns.LoadQps, "metric", ResultColumns.Mean, ResultColumns.Ci95, ResultColumns.Seeds];
        new FigureNumbers(header, [.. rows.Select(r => (object?[])
            [.. studies ? [StudyLabel(r.Point.Study)] : Array.Empty<object?>(), .. SweptKeys.Select(k => (object?)r.Point.ValueOf(k)), r.Point.Policy, r.Point.Load, r.Column, r.Mean, r.Ci, r.Point.Seeds])])
            .Write(_figures.CsvOf(name));
    }

    /// <summary>An error bar's half-width: none (0) where one seed measured no spread.</summary>
    private static double Bar(double ci95) => double.IsFinite(ci95) ? ci95 : 0;

    /// <summary>Accuracy axes closely around the data (never far outside [0, 1]); shares over [0, 1]; rates and times from 0.</summary>
    private static (double?, double?) Range(ReportMetric metric, (double Mean, double Ci)[] values)
    {
        switch (metric.Axis)
        {
            case ReportAxis.Share:
                return (-0.02, 1.02);
            case ReportAxis.FromZero:
                // One top for every panel of a figure, so that panels compare at a glance.
                return (0, values.Length == 0 ? null : Math.Max(1e-9, values.Max(v => v.Mean + v.Ci)) * 1.05);
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
        int accuracy = distribution.Column(ResultColumns.JobAccuracy);
        int requests = distribution.Column(ResultColumns.Requests);
        var series = new List<(string Name, IReadOnlyList<(double Accuracy, double Requests)> Mass, double Mean)>();
        var numbers = new List<(string, IReadOnlyList<(double, double)>)>();
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
            series.Add((PolicyLabels.For(point.Policy), mass, point.Metric(SummaryColumns.ServedAccuracy).Mean));
            numbers.Add((point.Policy, mass));
        }
        string where = $"{study.Name}, {(load is double l ? l.ToString("0.##", CultureInfo.InvariantCulture) + " req/s" : "the trace")}{SweepText(first)}";
        Plot plot = series.Count > 0
            ? AccuracyCdfRecipe.Build($"Served accuracy: {where}", "job's served accuracy (exact values)", series)
            : FigureFile.NewPlot($"Served accuracy: {where} (no request finished)", "job's served accuracy", "share of served requests ≤ x");
        FigureNumbers.AccuracyCdf(ResultColumns.Policy, numbers).Write(_figures.CsvOf("accuracy_cdf"));
        return Save(plot, "accuracy_cdf", $"CDF of the served accuracy of every finished request (its job's accuracy), per policy, {where}, seeds pooled; dashed: the mean.");
    }

    /// <summary>Offered load, goodput and violations; mean served accuracy; modality mix; per metrics window, for one run.</summary>
    private ReportFigure TimeSeries(string? runId)
    {
        (StudyResults study, string[] run) = ChooseRun(runId);
        CsvTable summary = study.Summary;
        string id = run[summary.Column(ResultColumns.RunId)];
        (WindowCounts[] windows, string[] names) = study.Windows(id);
        (WindowPoint[] points, double width) = WindowCounts.Rates(windows, summary.Number(run, summary.Column(SummaryColumns.OfferedSeconds.CsvName)));
        string policy = run[summary.Column(ResultColumns.Policy)];
        string swept = string.Concat(study.SweptKeys.Select(k => $", {Short(k)} = {run[summary.Column(k)]}"));
        string label = $"{study.Name}: {PolicyLabels.For(policy)}, {LoadText(summary, run)}{swept}, seed {run[summary.Column(ResultColumns.Seed)]}";
        IReadOnlyList<(string Name, Plot Plot)> panels = TimeSeriesRecipe.Build(label, points, names);
        const string name = "timeseries";
        FigureNumbers.TimeSeries(points, names).Write(_figures.CsvOf(name));
        IReadOnlyList<string> files = FigureFile.SavePanels(panels, _figures.Path, name, scale: _scale);
        return _figures.Figure($"Time series of run {id}", $"Run {id} ({label}): offered load, goodput and violated requests per {width:0.##}-s window; mean served accuracy; the modality mix (share of finished requests per configuration).",
            files[^1], files[^2], name);
    }

    /// <summary>The run asked for, or the default: a modality-selecting policy (else the first) at the highest load, lowest seed, first point.</summary>
    private (StudyResults, string[]) ChooseRun(string? runId)
    {
        if (runId is not null)
        {
            foreach (StudyResults study in _studies)
            {
                int idColumn = study.Summary.Column(ResultColumns.RunId);
                string[]? row = study.Summary.Rows.FirstOrDefault(r => r[idColumn] == runId);
                if (row is not null)
                {
                    return (study, row);
                }
            }
            throw new ConfigException($"--run: no run '{runId}' in {string.Join(", ", _studies.Select(s => Path.Combine(s.Folder, ResultFiles.Summary)))}");
        }
        StudyResults first = _studies[0];
        CsvTable summary = first.Summary;
        int policy = summary.Column(ResultColumns.Policy);
        int load = summary.Column(ResultColumns.LoadQps);
        int seed = summary.Column(ResultColumns.Seed);
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
        int id = summary.Column(ResultColumns.RunId);
        int policy = summary.Column(ResultColumns.Policy);
        int loadColumn = summary.Column(ResultColumns.LoadQps);
        int[] swept = study.SweptKeys.Select(summary.Column).ToArray();
        return summary.Rows
            .Where(r => summary.NumberOrNull(r, loadColumn) == load)
            .Where(r => study.SweptKeys.Select((k, i) => r[swept[i]] == point.ValueOf(k)).All(same => same))
            .ToDictionary(r => r[id], r => r[policy]);
    }

    private static bool SameSweep(ReportPoint a, ReportPoint b) => a.Sweep.Count == b.Sweep.Count && a.Sweep.All(s => b.ValueOf(s.Key) == s.Value);

    private string SweepText(ReportPoint point) => point.Sweep.Count == 0 ? "" : ", " + string.Join(", ", point.Sweep.Select(s => $"{Short(s.Key)} = {s.Value}"));

    private static string LoadText(CsvTable summary, string[] run) =>
        summary.NumberOrNull(run, summary.Column(ResultColumns.LoadQps)) is double l ? $"{l.ToString("0.##", CultureInfo.InvariantCulture)} req/s" : "the trace";

    /// <summary>A swept key as legends and titles write it: the shortest tail no other swept key shares (<see cref="KeyNames"/>).</summary>
    private string Short(string key) => _shortKeys.GetValueOrDefault(key, key);

    private static string FileName(string key) => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private ReportFigure Save(Plot plot, string name, string caption, int width = FigureFile.Width)
    {
        IReadOnlyList<string> files = FigureFile.Save(plot, _figures.Path, name, width, FigureFile.Height, _scale);
        return _figures.Figure(plot.Axes.Title.Label.Text, caption, files[0], files[1], name);
    }
}
