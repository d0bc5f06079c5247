using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reporting;

/// <summary>One row of a study's aggregate.csv: a policy at a load at a sweep point, over its seeds.</summary>
public sealed record ReportPoint(StudyResults Study, IReadOnlyDictionary<string, string> Sweep, string Policy, double? Load, int Seeds, string[] Row)
{
    public static IEnumerable<ReportPoint> Read(StudyResults study)
    {
        CsvTable table = study.Aggregate;
        int policy = table.Column(ResultColumns.Policy);
        int load = table.Column(ResultColumns.LoadQps);
        int seeds = table.Column(ResultColumns.Seeds);
        int[] swept = study.SweptKeys.Select(table.Column).ToArray();
        foreach (string[] row in table.Rows)
        {
            yield return new ReportPoint(study, study.SweptKeys.Select((k, i) => (k, row[swept[i]])).ToDictionary(p => p.k, p => p.Item2),
                row[policy], table.NumberOrNull(row, load), (int)table.Number(row, seeds), row);
        }
    }

    /// <summary>Whether this point's aggregate.csv has the metric (results from older Mosel builds lack newer ones).</summary>
    public bool Has(SummaryColumn metric) => Study.Aggregate.Has(ResultColumns.OfStatistic(metric.CsvName, ResultColumns.Mean));

    /// <summary>The metric's mean over seeds and the half-width of its 95 % interval (NaN with one seed: no spread measured).</summary>
    public (double Mean, double Ci95) Metric(SummaryColumn metric)
    {
        CsvTable table = Study.Aggregate;
        double Statistic(string statistic) => table.Number(Row, table.Column(ResultColumns.OfStatistic(metric.CsvName, statistic)));
        return (Statistic(ResultColumns.Mean), Statistic(ResultColumns.Ci95));
    }

    /// <summary>A swept key's value at this point; empty where this point's study does not sweep it.</summary>
    public string ValueOf(string key) => Sweep.GetValueOrDefault(key, "");
}
