namespace Mosel.Experiments.Formats;

/// <summary>
/// The files of a results folder, named once: every command that writes, merges, resumes, checks or reports results
/// uses these names (docs/studies.md, "Output files", says what each holds).
/// </summary>
public static class ResultFiles
{
    /// <summary>One row per run: its swept values, policy, load, seed and every summary metric.</summary>
    public const string Summary = "summary.csv";

    /// <summary>One row per sweep point, policy and load: each metric's mean, sd and 95 % interval over the seeds.</summary>
    public const string Aggregate = "aggregate.csv";

    /// <summary>The aggregate, typed, with the swept keys and the inputs' digests.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>Per run and metrics window: offered, met, late and dropped requests, served accuracy, the modality mix.</summary>
    public const string Windows = "windows.csv";

    /// <summary>Per run: requests served at each exact job accuracy.</summary>
    public const string JobAccuracy = "job_accuracy.csv";

    /// <summary>The config with every default filled in and input paths absolute.</summary>
    public const string ResolvedConfig = "config.resolved.yaml";

    /// <summary>Mosel's version, the machine, the command line and every input's SHA-256.</summary>
    public const string Provenance = "provenance.json";

    /// <summary>A shard's identity: the study, the shard, its inputs' and result files' digests.</summary>
    public const string ShardManifest = "shard.json";

    /// <summary>A report's self-contained page (<c>mosel report</c>, <c>mosel reproduce</c>).</summary>
    public const string ReportHtml = "report.html";

    /// <summary>The same report in Markdown, figures linked.</summary>
    public const string ReportMarkdown = "report.md";

    /// <summary>The files with one row (or more) per run, which a merge concatenates shard by shard.</summary>
    public static IReadOnlyList<string> PerRun { get; } = [Summary, Windows, JobAccuracy];

    /// <summary>The per-job and per-decision record files in a format's extension (csv.gz, csv, parquet).</summary>
    public static (string Jobs, string Decisions) Records(string extension) => ($"jobs.{extension}", $"decisions.{extension}");
}
