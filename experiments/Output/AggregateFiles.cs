using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Output;

/// <summary>
/// aggregate.csv and summary.json: one entry per parameter point with every summary metric's mean, standard deviation and
/// 95 % Student-t interval over the point's seeds (what a study compares), the CSV for tables, the JSON typed.
/// </summary>
public static class AggregateFiles
{
    /// <param name="sweptKeys">The study's swept keys, a column each before the policy.</param>
    public static void WriteCsv(string path, IReadOnlyList<string> sweptKeys, IReadOnlyList<AggregatePoint> points)
    {
        using CsvWriter csv = CsvFiles.Create(path);
        csv.WriteRow([.. sweptKeys, ResultColumns.Policy, ResultColumns.LoadQps, ResultColumns.Seeds, .. SummaryColumns.All.SelectMany(c => ResultColumns.Statistics.Select(s => ResultColumns.OfStatistic(c.CsvName, s)))]);
        foreach (AggregatePoint point in points)
        {
            var fields = new List<object?>(point.Sweep.Settings.Select(s => s.Value)) { point.Policy, point.LoadQps, point.Seeds };
            foreach (SeedSummary metric in point.Metrics)
            {
                fields.AddRange([metric.Mean, metric.Sd, metric.Ci95]);
            }
            csv.WriteRow(fields.ToArray());
        }
    }

    public static void WriteJson(string path, Study study, IReadOnlyList<AggregatePoint> points)
    {
        using FileStream file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("experiment", study.Name);
        json.WriteString("profile", string.Join(", ", study.Points.Select(p => p.Profile.Name).Distinct()));
        json.WriteStartArray("swept_keys");
        foreach (string key in study.SweptKeys)
        {
            json.WriteStringValue(key);
        }
        json.WriteEndArray();
        json.WriteString("interval", "95 % Student-t over seeds; n counts the seeds whose metric is defined");
        json.WriteStartArray("points");
        foreach (AggregatePoint point in points)
        {
            json.WriteStartObject();
            json.WriteStartObject("sweep");
            foreach (SweepSetting setting in point.Sweep.Settings)
            {
                Typed(json, setting.Key, setting.Value);
            }
            json.WriteEndObject();
            json.WriteString(ResultColumns.Policy, point.Policy);
            if (point.LoadQps is double load)
            {
                json.WriteNumber(ResultColumns.LoadQps, load);
            }
            else
            {
                json.WriteNull(ResultColumns.LoadQps);
            }
            json.WriteNumber(ResultColumns.Seeds, point.Seeds);
            json.WriteStartObject("metrics");
            for (int i = 0; i < point.Metrics.Count; i++)
            {
                SeedSummary metric = point.Metrics[i];
                json.WriteStartObject(SummaryColumns.All[i].CsvName);
                json.WriteNumber("n", metric.N);
                Number(json, ResultColumns.Mean, metric.Mean);
                Number(json, ResultColumns.Sd, metric.Sd);
                Number(json, ResultColumns.Ci95, metric.Ci95);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Provenance.WriteStable(json, study);
        json.WriteEndObject();
        json.Flush();
        file.WriteByte((byte)'\n');
    }

    /// <summary>
    /// A swept value as the config wrote it: a number (17, 0.5, 1e-3) as a JSON number, true and false as booleans, anything
    /// else (a file, a name) as a string.
    /// </summary>
    private static void Typed(Utf8JsonWriter json, string name, string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else if (value is "true" or "false")
        {
            json.WriteBoolean(name, value == "true");
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>JSON has no NaN: an undefined statistic (no seed had the metric) is null.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
