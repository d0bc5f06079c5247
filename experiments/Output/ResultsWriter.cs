using System.IO.Compression;
using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>Writes an experiment's result files into a (staging) results folder.</summary>
public static class ResultsWriter
{
    /// <summary>The per-job and per-decision record files of a config, named after their format.</summary>
    public static (string Jobs, string Decisions) RecordFiles(ExperimentConfig config) => config.RecordsFormat switch
    {
        RecordsFormat.Csv => ResultFiles.Records("csv"),
        RecordsFormat.Parquet => ResultFiles.Records("parquet"),
        _ => ResultFiles.Records("csv.gz"),
    };

    private const string ResolvedFromPrefix = "# Resolved from ";
    private const string ResolvedFromSuffix = ": every default filled in, input paths absolute (it re-runs from anywhere).";

    /// <summary>The config file a config.resolved.yaml was resolved from, as its first line names it; null when the line is not Mosel's.</summary>
    public static string? ResolvedFrom(string resolvedConfig)
    {
        string first = File.ReadLines(resolvedConfig).FirstOrDefault() ?? "";
        return first.StartsWith(ResolvedFromPrefix, StringComparison.Ordinal) && first.EndsWith(ResolvedFromSuffix, StringComparison.Ordinal)
            ? first[ResolvedFromPrefix.Length..^ResolvedFromSuffix.Length]
            : null;
    }

    /// <summary>The study's options with every default and absolute input paths, as config.resolved.yaml holds them (after its comment line).</summary>
    public static string ResolvedConfig(Study study) => StrictYaml.Serialize(InputFiles.Absolute(study.Options, study.SourcePath));

    /// <summary>SHA-256 of <see cref="ResolvedConfig"/>: two folders with the same one ran the same study.</summary>
    public static string ConfigFingerprint(Study study) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ResolvedConfig(study)))).ToLowerInvariant();

    public static string JobsPart(int run) => $"jobs.{run:D5}.part";

    public static string DecisionsPart(int run) => $"decisions.{run:D5}.part";

    public static void Write(string directory, Study study, IReadOnlyList<RunOutcome> outcomes)
    {
        string File(string name) => Path.Combine(directory, name);
        System.IO.File.WriteAllText(File(ResultFiles.ResolvedConfig),
            $"{ResolvedFromPrefix}{Path.GetFullPath(study.SourcePath)}{ResolvedFromSuffix}\n" + ResolvedConfig(study));
        Provenance.Write(File(ResultFiles.Provenance), study);
        WriteSummary(File(ResultFiles.Summary), study, outcomes);
        WriteWindows(File(ResultFiles.Windows), study, outcomes);
        WriteJobAccuracy(File(ResultFiles.JobAccuracy), study, outcomes);
        IReadOnlyList<AggregatePoint> points = AggregatePoint.Build(outcomes);
        AggregateFiles.WriteCsv(File(ResultFiles.Aggregate), study.SweptKeys, points);
        AggregateFiles.WriteJson(File(ResultFiles.SummaryJson), study, points);
        ExperimentConfig first = study.Points[0];
        if (first.JobRecords)
        {
            (string jobs, string decisions) = RecordFiles(first);
            Join(directory, jobs, first.RecordsFormat, ResultSchemas.Jobs(study.SweptKeys).Header, outcomes.Select(o => JobsPart(o.Run.Index)).ToArray());
            Join(directory, decisions, first.RecordsFormat, ResultSchemas.Decisions(study.SweptKeys).Header, outcomes.Select(o => DecisionsPart(o.Run.Index)).ToArray());
        }
    }

    private static void WriteSummary(string path, Study study, IReadOnlyList<RunOutcome> outcomes)
    {
        CsvSchema<SummaryRow> schema = ResultSchemas.Summary(study.Profile, study.SweptKeys);
        using CsvWriter csv = CsvFiles.Create(path);
        schema.WriteHeader(csv);
        foreach (RunOutcome o in outcomes)
        {
            schema.Write(csv, new SummaryRow(o.Run, o.Result.Summary));
        }
    }

    private static void WriteWindows(string path, Study study, IReadOnlyList<RunOutcome> outcomes)
    {
        CsvSchema<WindowRow> schema = ResultSchemas.Windows(study.Profile, study.SweptKeys);
        using CsvWriter csv = CsvFiles.Create(path);
        schema.WriteHeader(csv);
        foreach (RunOutcome o in outcomes)
        {
            foreach (WindowStats w in o.Result.Windows)
            {
                schema.Write(csv, new WindowRow(o.Run, w));
            }
        }
    }

    private static void WriteJobAccuracy(string path, Study study, IReadOnlyList<RunOutcome> outcomes)
    {
        CsvSchema<JobAccuracyRow> schema = ResultSchemas.JobAccuracy(study.SweptKeys);
        using CsvWriter csv = CsvFiles.Create(path);
        schema.WriteHeader(csv);
        foreach (RunOutcome o in outcomes)
        {
            foreach (AccuracyMass mass in o.Result.JobAccuracyDistribution)
            {
                schema.Write(csv, new JobAccuracyRow(o.Run, mass));
            }
        }
    }

    /// <summary>A new records file, gzip-compressed when asked, fed to the compressor in fixed chunks (see <see cref="FixedChunkStream"/>).</summary>
    public static Stream RecordsOutput(string path, bool gzip)
    {
        var file = new FileStream(path, FileMode.CreateNew);
        return gzip ? new FixedChunkStream(new GZipStream(file, CompressionLevel.Optimal)) : file;
    }

    /// <summary>Joins the runs' record parts under one header into <paramref name="name"/> in the given format, deleting each part.</summary>
    private static void Join(string directory, string name, RecordsFormat format, IReadOnlyList<string> header, IReadOnlyList<string> parts)
    {
        if (format == RecordsFormat.Parquet)
        {
            ParquetRecords.Write(Path.Combine(directory, name), header, parts.Select(p => Path.Combine(directory, p)).ToArray());
            foreach (string part in parts)
            {
                File.Delete(Path.Combine(directory, part));
            }
            return;
        }
        using (Stream output = RecordsOutput(Path.Combine(directory, name), format == RecordsFormat.CsvGzip))
        {
            byte[] head = System.Text.Encoding.UTF8.GetBytes(string.Join(',', header) + "\n");
            output.Write(head);
            foreach (string part in parts)
            {
                string partPath = Path.Combine(directory, part);
                using (FileStream input = File.OpenRead(partPath))
                {
                    input.CopyTo(output);
                }
                File.Delete(partPath);
            }
        }
    }
}
