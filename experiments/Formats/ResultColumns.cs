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
}
