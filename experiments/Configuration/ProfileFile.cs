using Mosel.Experiments.Errors;
using Mosel.Experiments.Safety;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Configuration;

/// <summary>Reads and writes profiles/*.yaml; every error names the file and the key.</summary>
public static class ProfileFile
{
    public static ModelProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: profile file not found");
        }
        ProfileDocument document = StrictYaml.Deserialize<ProfileDocument>(File.ReadAllText(path), path);
        try
        {
            return ToProfile(document);
        }
        catch (ProfileException e)
        {
            throw new ConfigException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>accuracy.measured, checked against accuracy.values: each listed configuration's right answers give its value.</summary>
    private static Dictionary<string, AccuracyCount> MeasuredCounts(AccuracyDocument accuracy)
    {
        var counts = new Dictionary<string, AccuracyCount>();
        foreach ((string config, MeasuredAccuracyDocument m) in accuracy.Measured ?? [])
        {
            string key = $"accuracy.measured.{config}";
            if (accuracy.Values is null || !accuracy.Values.TryGetValue(config, out double value))
            {
                throw new ProfileException(key, "not a configuration listed in accuracy.values");
            }
            if (m.Samples < 1 || m.Correct < 0 || m.Correct > m.Samples)
            {
                throw new ProfileException(key, $"needs samples >= 1 and 0 <= correct <= samples, found {m.Correct} of {m.Samples}");
            }
            var count = new AccuracyCount(m.Correct, m.Samples, m.Low95, m.High95);
            // The values are written rounded to six places: a half in the seventh place may land either side of 5e-7.
            if (Math.Abs(count.Accuracy - (accuracy.Unit == "percent" ? value / 100 : value)) > 5e-7 + 1e-12)
            {
                throw new ProfileException(key, $"{m.Correct}/{m.Samples} is {count.Accuracy:0.######}, but accuracy.values.{config} is {value}");
            }
            if (m.Low95 < 0 || m.Low95 > count.Accuracy + 1e-9 || m.High95 < count.Accuracy - 1e-9 || m.High95 > 1)
            {
                throw new ProfileException(key, $"the interval [{m.Low95}, {m.High95}] must lie in [0, 1] and hold {count.Accuracy:0.######}");
            }
            counts[config] = count with { Clusters = m.Clusters, Clustered95 = Clustered(key, m) };
        }
        return counts;
    }

    /// <summary>clusters, clustered_low95 and clustered_high95: all three or none, at least one cluster, no more than samples, an interval in [0, 1].</summary>
    private static (double, double)? Clustered(string key, MeasuredAccuracyDocument m)
    {
        int given = (m.Clusters is null ? 0 : 1) + (m.ClusteredLow95 is null ? 0 : 1) + (m.ClusteredHigh95 is null ? 0 : 1);
        if (given == 0)
        {
            return null;
        }
        if (given < 3)
        {
            throw new ProfileException(key, "clusters, clustered_low95 and clustered_high95 go together: give all three or none");
        }
        if (m.Clusters < 1 || m.Clusters > m.Samples)
        {
            throw new ProfileException($"{key}.clusters", $"must be between 1 and the samples ({m.Samples}), found {m.Clusters}");
        }
        if (m.ClusteredLow95 < 0 || m.ClusteredLow95 > m.ClusteredHigh95 || m.ClusteredHigh95 > 1)
        {
            throw new ProfileException(key, $"the clustered interval [{m.ClusteredLow95}, {m.ClusteredHigh95}] must lie in [0, 1], low first");
        }
        return (m.ClusteredLow95!.Value, m.ClusteredHigh95!.Value);
    }

    public static ModelProfile ToProfile(ProfileDocument document)
    {
        AccuracyDocument accuracy = document.Accuracy ?? throw new ProfileException("accuracy", "missing required key");
        if (accuracy.Unit is not ("fraction" or "percent"))
        {
            throw new ProfileException("accuracy.unit", $"must be 'fraction' or 'percent', found '{accuracy.Unit}'");
        }
        var metric = new AccuracyMetric(accuracy.Metric, accuracy.Unit, accuracy.HigherIsBetter, accuracy.Approximate, accuracy.Source ?? "")
        {
            Measured = MeasuredCounts(accuracy),
        };
        if (document.Latency is null)
        {
            throw new ProfileException("latency", "missing required key");
        }
        var latency = new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>();
        foreach ((string precisionName, Dictionary<string, LatencyDocument> byConfig) in document.Latency)
        {
            if (!PrecisionNames.TryParse(precisionName, out Precision precision))
            {
                throw new ProfileException($"latency.{precisionName}", "unknown precision (use fp32 or fp16)");
            }
            var tables = new Dictionary<string, LatencyTable>();
            foreach ((string config, LatencyDocument table) in byConfig ?? [])
            {
                string key = $"latency.{precisionName}.{config}";
                tables[config] = LatencyTable.Create(key, table.BatchSizes, table.LatencyMs, table.MemoryBytes, (table.LatencyQ1Ms, table.LatencyQ3Ms));
            }
            latency[precision] = tables;
        }
        return ModelProfile.Create(
            document.Model ?? throw new ProfileException("model", "missing required key"),
            document.Modalities ?? throw new ProfileException("modalities", "missing required key"),
            metric,
            accuracy.Values ?? throw new ProfileException("accuracy.values", "missing required key"),
            latency,
            document.Device ?? "",
            document.Provenance ?? "");
    }

    public static ProfileDocument ToDocument(ModelProfile profile, string description)
    {
        var latency = new Dictionary<string, Dictionary<string, LatencyDocument>>();
        foreach (Precision precision in profile.Precisions)
        {
            var byConfig = new Dictionary<string, LatencyDocument>();
            for (int c = 0; c < profile.Configurations.Count; c++)
            {
                LatencyTable table = profile.Table(precision, c);
                byConfig[profile.Configurations[c].Name] = new LatencyDocument
                {
                    BatchSizes = table.BatchSizes.ToArray(),
                    LatencyMs = table.LatencyMs.Select(ms => Math.Round(ms, 4)).ToArray(),
                    MemoryBytes = table.MemoryBytes?.ToArray(),
                    LatencyQ1Ms = table.QuartilesMs?.Q1.Select(ms => Math.Round(ms, 4)).ToArray(),
                    LatencyQ3Ms = table.QuartilesMs?.Q3.Select(ms => Math.Round(ms, 4)).ToArray(),
                };
            }
            latency[precision.ToName()] = byConfig;
        }
        return new ProfileDocument
        {
            Model = profile.Name,
            Description = description,
            Modalities = profile.Modalities.ToArray(),
            Device = profile.Device,
            Provenance = profile.Provenance,
            Accuracy = new AccuracyDocument
            {
                Metric = profile.Metric.Name,
                Unit = profile.Metric.Unit,
                HigherIsBetter = profile.Metric.HigherIsBetter,
                Approximate = profile.Metric.Approximate,
                Source = profile.Metric.Source.Length == 0 ? null : profile.Metric.Source,
                Values = profile.Configurations.ToDictionary(c => c.Name, c => c.PublishedValue),
                Measured = profile.Metric.Measured.Count == 0 ? null : profile.Metric.Measured.ToDictionary(m => m.Key, m => new MeasuredAccuracyDocument
                {
                    Correct = m.Value.Correct,
                    Samples = m.Value.Samples,
                    Low95 = m.Value.Low95,
                    High95 = m.Value.High95,
                    Clusters = m.Value.Clusters,
                    ClusteredLow95 = m.Value.Clustered95?.Low,
                    ClusteredHigh95 = m.Value.Clustered95?.High,
                }),
            },
            Latency = latency,
        };
    }

    /// <summary>The first line of every profile Mosel writes: a file that starts otherwise is never overwritten.</summary>
    public const string Signature = "# Written by `mosel profile`.";

    public static void Save(ModelProfile profile, string description, string path)
    {
        using var output = new OutputFile(path, Signature);
        File.WriteAllText(output.StagingPath, Signature + "\n" + StrictYaml.Serialize(ToDocument(profile, description)));
        output.Commit();
    }
}
