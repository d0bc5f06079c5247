namespace Mosel.Experiments.Formats;

/// <summary>
/// The columns that say which run or point a row of a result file belongs to, and those of job_accuracy.csv: named once
/// for the files' writers (experiments/Output) and readers (report, merge, run lists). Metric columns are named by
/// <c>SummaryColumns</c>; each swept key is a column named as swept.
/// </summary>
public static class ResultColumns
{
    /// <summary>A run's stable id: a hash of its swept values, policy, load and seed.</summary>
    public const string RunId = "run_id";

    public const string Policy = "policy";

    /// <summary>The offered load in requests per second; empty for a trace replayed as shaped.</summary>
    public const string LoadQps = "load_qps";

    public const string Seed = "seed";

    /// <summary>aggregate.csv: how many seeds a point's statistics are over.</summary>
    public const string Seeds = "seeds";

    /// <summary>job_accuracy.csv: an exact served accuracy of a job, and the finished requests served at it.</summary>
    public const string JobAccuracy = "job_accuracy";

    public const string Requests = "requests";

    /// <summary>aggregate.csv: the statistics over seeds of every metric, in their column order.</summary>
    public static readonly IReadOnlyList<string> Statistics = [Mean, Sd, Ci95];

    public const string Mean = "mean";

    public const string Sd = "sd";

    public const string Ci95 = "ci95";

    /// <summary>aggregate.csv's column of one statistic of a metric: <c>throughput_rps_mean</c>.</summary>
    public static string OfStatistic(string metric, string statistic) => $"{metric}_{statistic}";

    /// <summary>The prefix of the columns (summary.csv, windows.csv) that count finished requests per configuration.</summary>
    public const string RequestsPrefix = "requests_";

    /// <summary>
    /// The column of a configuration's finished requests, named so that pandas and R take it as an identifier:
    /// <c>audio+video</c> is <c>requests_audio_video</c>.
    /// </summary>
    public static string RequestsOf(string configuration) =>
        RequestsPrefix + string.Concat(configuration.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
