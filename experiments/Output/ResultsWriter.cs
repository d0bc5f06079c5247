using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>Writes an experiment's result files into a (staging) results folder.</summary>
public static class ResultsWriter
{
    public const string JobsFile = "jobs.csv";
    public const string DecisionsFile = "decisions.csv";

    public static string JobsPart(int run) => $"jobs.{run:D5}.part";

    public static string DecisionsPart(int run) => $"decisions.{run:D5}.part";

    public static void Write(string directory, ExperimentConfig config, IReadOnlyList<RunOutcome> outcomes)
    {
        string File(string name) => Path.Combine(directory, name);
        System.IO.File.WriteAllText(File("config.resolved.yaml"),
            $"# Resolved from {config.SourcePath} (relative paths are relative to that file): every default filled in.\n" + StrictYaml.Serialize(config.Options));
        WriteSummary(File("summary.csv"), config, outcomes);
        WriteWindows(File("windows.csv"), config, outcomes);
        WriteAccuracyHistogram(File("accuracy_hist.csv"), outcomes);
        if (config.JobRecords)
        {
            Join(directory, JobsFile, CsvRunRecorder.JobHeader, outcomes.Select(o => JobsPart(o.Run.Index)));
            Join(directory, DecisionsFile, CsvRunRecorder.DecisionHeader, outcomes.Select(o => DecisionsPart(o.Run.Index)));
        }
    }

    private static void WriteSummary(string path, ExperimentConfig config, IReadOnlyList<RunOutcome> outcomes)
    {
        using CsvWriter csv = CsvFiles.Create(path);
        var header = new List<string> { "run", "policy", "precision", "load_qps", "seed" };
        header.AddRange(SummaryColumns.All.Select(c => c.CsvName));
        header.Add("conservation_ok");
        header.AddRange(config.Profile.Configurations.Select(c => $"requests_{c.Name}"));
        foreach (string h in header)
        {
            csv.WriteField(h);
        }
        csv.EndRecord();
        foreach (RunOutcome o in outcomes)
        {
            RunSummary s = o.Result.Summary;
            var row = new List<object?> { o.Run.Index, o.Run.Policy, Policies.PolicyCatalog.PrecisionOf(o.Run.Policy).ToName(), o.Run.LoadQps, o.Run.Seed };
            row.AddRange(SummaryColumns.All.Select(c => (object?)c.Value(s)));
            row.Add(s.ConservationHolds ? "true" : "false");
            row.AddRange(s.FinishedRequestsPerConfiguration.Select(n => (object?)n));
            csv.WriteRow(row.ToArray());
        }
    }

    private static void WriteWindows(string path, ExperimentConfig config, IReadOnlyList<RunOutcome> outcomes)
    {
        using CsvWriter csv = CsvFiles.Create(path);
        var header = new List<string>
        {
            "run", "policy", "load_qps", "seed", "window_start_s", "submitted_requests", "met_requests", "late_requests",
            "dropped_requests", "mean_served_accuracy", "queue_length", "window_violation_ratio_ref",
        };
        header.AddRange(config.Profile.Configurations.Select(c => $"requests_{c.Name}"));
        foreach (string h in header)
        {
            csv.WriteField(h);
        }
        csv.EndRecord();
        foreach (RunOutcome o in outcomes)
        {
            foreach (WindowStats w in o.Result.Windows)
            {
                var row = new List<object?>
                {
                    o.Run.Index, o.Run.Policy, o.Run.LoadQps, o.Run.Seed, w.StartSeconds, w.SubmittedRequests, w.MetRequests,
                    w.LateRequests, w.DroppedRequests, w.MeanServedAccuracy, w.QueueLengthAtEnd, w.ReferenceViolationRatio,
                };
                row.AddRange(w.FinishedRequestsPerConfiguration.Select(n => (object?)n));
                csv.WriteRow(row.ToArray());
            }
        }
    }

    private static void WriteAccuracyHistogram(string path, IReadOnlyList<RunOutcome> outcomes)
    {
        using CsvWriter csv = CsvFiles.Create(path);
        csv.WriteRow("run", "policy", "load_qps", "seed", "job_accuracy_from", "job_accuracy_to", "requests");
        foreach (RunOutcome o in outcomes)
        {
            IReadOnlyList<long> bins = o.Result.JobAccuracyHistogram;
            for (int i = 0; i < bins.Count; i++)
            {
                if (bins[i] > 0)
                {
                    csv.WriteRow(o.Run.Index, o.Run.Policy, o.Run.LoadQps, o.Run.Seed,
                        (double)i / RunResult.AccuracyBins, (double)(i + 1) / RunResult.AccuracyBins, bins[i]);
                }
            }
        }
    }

    private static void Join(string directory, string name, string[] header, IEnumerable<string> parts)
    {
        using (var output = new FileStream(Path.Combine(directory, name), FileMode.CreateNew))
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
