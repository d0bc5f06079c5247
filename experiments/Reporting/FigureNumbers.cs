using CsvHelper;
using Mosel.Experiments.Formats;
using Mosel.Plots;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// The numbers a figure draws, in tidy form (a column per key, a row per drawn value), saved beside its PNG and SVG as
/// CSV so that a reader can re-plot or check them. One constructor per kind of figure (the accuracy CDF and the time
/// series serve <c>mosel report</c> and <c>mosel reproduce</c> alike; the report's metric figures build their own rows).
/// </summary>
public sealed record FigureNumbers(IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Lines of a metric against x: panel (when several), series, x, metric, mean and the CI's half-width.</summary>
    /// <param name="x">The x column's name (load_qps, a swept key).</param>
    /// <param name="metric">What the y values are (a summary column's name, or a figure's own).</param>
    public static FigureNumbers Lines(IReadOnlyList<(string Panel, IReadOnlyList<DataSeries> Series)> panels, string x, string metric)
    {
        bool named = panels.Count > 1;
        return new FigureNumbers(
            [.. named ? ["panel"] : Array.Empty<string>(), "series", x, "metric", ResultColumns.Mean, ResultColumns.Ci95],
            [.. panels.SelectMany(panel => panel.Series.SelectMany(series => series.Points.Select(point => (object?[])
                [.. named ? [panel.Panel] : Array.Empty<object?>(), series.Name, point.X, metric, point.Y, point.Error])))]);
    }

    /// <summary>Lines of one plot (<see cref="Lines(IReadOnlyList{ValueTuple{string, IReadOnlyList{DataSeries}}}, string, string)"/> with a single panel).</summary>
    public static FigureNumbers Lines(IReadOnlyList<DataSeries> series, string x, string metric) => Lines([("", series)], x, metric);

    /// <summary>A served-accuracy CDF: per series, each exact accuracy, its requests and the cumulative share up to it.</summary>
    /// <param name="seriesColumn">What tells the series apart (policy).</param>
    public static FigureNumbers AccuracyCdf(string seriesColumn, IEnumerable<(string Series, IReadOnlyList<(double Accuracy, double Requests)> Mass)> series)
    {
        var rows = new List<object?[]>();
        foreach ((string name, IReadOnlyList<(double Accuracy, double Requests)> mass) in series)
        {
            double total = mass.Sum(m => m.Requests);
            double cumulative = 0;
            foreach ((double accuracy, double requests) in mass.OrderBy(m => m.Accuracy))
            {
                cumulative += requests;
                rows.Add([name, accuracy, requests, cumulative / total]);
            }
        }
        return new FigureNumbers([seriesColumn, ResultColumns.JobAccuracy, ResultColumns.Requests, "cumulative_share"], rows);
    }

    /// <summary>One run's metrics windows: start, offered, goodput, violated, mean accuracy, each configuration's share.</summary>
    public static FigureNumbers TimeSeries(IReadOnlyList<WindowPoint> points, IReadOnlyList<string> configurations) => new(
        [WindowColumns.Start, "offered_rps", "goodput_rps", "violated_rps", WindowColumns.MeanServedAccuracy, .. configurations.Select(n => $"share_{n}")],
        [.. points.Select(p => (object?[])[p.StartSeconds, p.OfferedRps, p.GoodputRps, p.ViolatedRps, p.MeanAccuracy, .. p.ConfigurationShares.Cast<object?>()])]);

    /// <summary>A model's per-configuration costs (Fig. 1).</summary>
    public static FigureNumbers ConfigurationCosts(ConfigurationCosts costs) => new(
        ["model", "configuration", "precision", "latency_ms_batch1", "latency_ms_batch32", "peak_memory_gib_batch32", "accuracy"],
        [.. costs.Configurations.Select((c, i) => (object?[])[costs.Model, c, costs.Precision, costs.LatencyMsBatch1[i], costs.LatencyMsBatch32[i],
            costs.PeakMemoryGiBBatch32[i], costs.Accuracy[i]])]);

    /// <summary>These rows, then <paramref name="more"/>'s (a figure whose panels draw different metrics); the headers must be the same.</summary>
    public FigureNumbers Then(FigureNumbers more) => Header.SequenceEqual(more.Header, StringComparer.Ordinal)
        ? new FigureNumbers(Header, [.. Rows, .. more.Rows])
        : throw new ArgumentException($"a figure's numbers with other columns ({string.Join(", ", more.Header)}) cannot follow these ({string.Join(", ", Header)})", nameof(more));

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using CsvWriter csv = CsvFiles.Create(path);
        csv.WriteRow([.. Header]);
        foreach (object?[] row in Rows)
        {
            csv.WriteRow(row);
        }
    }
}
