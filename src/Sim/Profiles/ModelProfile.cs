namespace Mosel.Sim.Profiles;

/// <summary>
/// One model on one device: the accuracy of every modality configuration and its latency table per
/// precision. Configurations are ordered by decreasing number of modalities, then by name, so index 0
/// is always the all-modality configuration.
/// </summary>
public sealed class ModelProfile
{
    private readonly Dictionary<Precision, LatencyTable[]> _tables;

    private ModelProfile(string name, string[] modalities, ModalityConfiguration[] configurations,
        Dictionary<Precision, LatencyTable[]> tables, AccuracyMetric metric, string device, string provenance)
    {
        Name = name;
        Modalities = modalities;
        Configurations = configurations;
        _tables = tables;
        Metric = metric;
        Device = device;
        Provenance = provenance;
        MaxBatchSize = tables.Values.SelectMany(t => t).Min(t => t.MaxBatchSize);
    }

    public string Name { get; }

    public IReadOnlyList<string> Modalities { get; }

    public IReadOnlyList<ModalityConfiguration> Configurations { get; }

    public AccuracyMetric Metric { get; }

    public string Device { get; }

    public string Provenance { get; }

    /// <summary>The largest batch size every table of this profile covers.</summary>
    public int MaxBatchSize { get; }

    public const int FullConfigurationIndex = 0;

    public IEnumerable<Precision> Precisions => _tables.Keys.Order();

    public bool HasPrecision(Precision precision) => _tables.ContainsKey(precision);

    public LatencyTable Table(Precision precision, int configuration)
    {
        if (!_tables.TryGetValue(precision, out LatencyTable[]? tables))
        {
            throw new ProfileException($"latency.{precision.ToName()}", $"profile '{Name}' has no {precision.ToName()} latency table");
        }
        return tables[configuration];
    }

    public int IndexOf(string configurationName)
    {
        string canonical = CanonicalName(configurationName.Split('+'));
        for (int i = 0; i < Configurations.Count; i++)
        {
            if (Configurations[i].Name == canonical)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>'+'-joined, alphabetically sorted modality names.</summary>
    public static string CanonicalName(IEnumerable<string> modalities) =>
        string.Join('+', modalities.Select(m => m.Trim()).Order(StringComparer.Ordinal));

    public static ModelProfile Create(
        string name,
        IReadOnlyList<string> modalities,
        AccuracyMetric metric,
        IReadOnlyDictionary<string, double> publishedAccuracy,
        IReadOnlyDictionary<Precision, IReadOnlyDictionary<string, LatencyTable>> latency,
        string device,
        string provenance)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ProfileException("model", "missing model name");
        }
        string[] sortedModalities = ValidateModalities(modalities);
        List<string[]> subsets = NonEmptySubsets(sortedModalities);

        var configurations = new ModalityConfiguration[subsets.Count];
        for (int i = 0; i < subsets.Count; i++)
        {
            string configName = string.Join('+', subsets[i]);
            if (!TryGetCanonical(publishedAccuracy, configName, out double published))
            {
                throw new ProfileException("accuracy", $"missing configuration '{configName}' (a profile needs all {subsets.Count} non-empty modality subsets)");
            }
            double score = metric.ToScore(published);
            if (!double.IsFinite(score) || score < 0 || score > 1)
            {
                throw new ProfileException($"accuracy.{configName}",
                    $"value {published} ({metric.Unit}, {metric.Name}) gives a score of {score}, outside [0, 1]");
            }
            configurations[i] = new ModalityConfiguration(configName, subsets[i], score, published);
        }
        RefuseAliases(publishedAccuracy.Keys, "accuracy.values");
        foreach (string key in publishedAccuracy.Keys)
        {
            if (!configurations.Any(c => c.Name == CanonicalName(key.Split('+'))))
            {
                throw new ProfileException($"accuracy.{key}", $"'{key}' is not a subset of the modalities [{string.Join(", ", sortedModalities)}]");
            }
        }

        if (latency.Count == 0)
        {
            throw new ProfileException("latency", "missing: a profile needs a latency table for at least one precision");
        }
        var tables = new Dictionary<Precision, LatencyTable[]>();
        foreach ((Precision precision, IReadOnlyDictionary<string, LatencyTable> byConfig) in latency)
        {
            RefuseAliases(byConfig.Keys, $"latency.{precision.ToName()}");
            var row = new LatencyTable[configurations.Length];
            for (int i = 0; i < configurations.Length; i++)
            {
                if (!TryGetCanonical(byConfig, configurations[i].Name, out LatencyTable? table))
                {
                    throw new ProfileException($"latency.{precision.ToName()}", $"missing configuration '{configurations[i].Name}'");
                }
                row[i] = table!;
            }
            foreach (string key in byConfig.Keys)
            {
                if (!configurations.Any(c => c.Name == CanonicalName(key.Split('+'))))
                {
                    throw new ProfileException($"latency.{precision.ToName()}.{key}", $"'{key}' is not a subset of the modalities [{string.Join(", ", sortedModalities)}]");
                }
            }
            tables[precision] = row;
        }
        return new ModelProfile(name, sortedModalities, configurations, tables, metric, device ?? "", provenance ?? "");
    }

    /// <summary>'video+audio' and 'audio+video' name one configuration: listing both would silently drop one.</summary>
    private static void RefuseAliases(IEnumerable<string> keys, string section)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            string canonical = CanonicalName(key.Split('+'));
            if (seen.TryGetValue(canonical, out string? first))
            {
                throw new ProfileException($"{section}.{key}", $"names the same configuration as '{first}' (list each configuration once)");
            }
            seen[canonical] = key;
        }
    }

    private static string[] ValidateModalities(IReadOnlyList<string> modalities)
    {
        if (modalities is null || modalities.Count == 0)
        {
            throw new ProfileException("modalities", "missing or empty");
        }
        if (modalities.Count > 8)
        {
            throw new ProfileException("modalities", $"at most 8 modalities are supported, found {modalities.Count}");
        }
        foreach (string m in modalities)
        {
            if (string.IsNullOrWhiteSpace(m) || m.Contains('+'))
            {
                throw new ProfileException("modalities", $"invalid modality name '{m}'");
            }
        }
        string[] sorted = modalities.Select(m => m.Trim()).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Distinct().Count() != sorted.Length)
        {
            throw new ProfileException("modalities", "modality names must be unique");
        }
        return sorted;
    }

    private static List<string[]> NonEmptySubsets(string[] sorted)
    {
        var subsets = new List<string[]>();
        for (int mask = 1; mask < (1 << sorted.Length); mask++)
        {
            subsets.Add(Enumerable.Range(0, sorted.Length).Where(i => (mask & (1 << i)) != 0).Select(i => sorted[i]).ToArray());
        }
        return subsets
            .OrderByDescending(s => s.Length)
            .ThenBy(s => string.Join('+', s), StringComparer.Ordinal)
            .ToList();
    }

    private static bool TryGetCanonical<T>(IReadOnlyDictionary<string, T> map, string canonical, out T? value)
    {
        foreach ((string key, T v) in map)
        {
            if (CanonicalName(key.Split('+')) == canonical)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
