namespace Mosel.Experiments.Output;

/// <summary>
/// Short names for swept keys and their values where space is tight (terminal tables, legends): each key by the shortest
/// tail of its dotted parts that no other key shares (workload.slack_ms → slack_ms; workload.accuracy_target.min and
/// workload.job_size.min → accuracy_target.min and job_size.min), and a file path by its file name when that tells the
/// values apart.
/// </summary>
public static class KeyNames
{
    public static IReadOnlyDictionary<string, string> Shortest(IReadOnlyList<string> keys)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in keys.Distinct())
        {
            string[] parts = key.Split('.');
            string name = key;
            for (int take = 1; take <= parts.Length; take++)
            {
                string tail = string.Join('.', parts[^take..]);
                if (keys.Where(k => k != key).All(k => !EndsWithParts(k, tail)))
                {
                    name = tail;
                    break;
                }
            }
            names[key] = name;
        }
        return names;
    }

    /// <summary>The values of one key as shown: file names for paths when no two share one, else the values as they are.</summary>
    public static IReadOnlyDictionary<string, string> Values(IReadOnlyList<string> values)
    {
        string[] distinct = [.. values.Distinct()];
        bool paths = distinct.All(v => v.Contains('/', StringComparison.Ordinal))
            && distinct.Select(Path.GetFileName).Distinct().Count() == distinct.Length;
        return distinct.ToDictionary(v => v, v => paths ? Path.GetFileName(v) : v, StringComparer.Ordinal);
    }

    private static bool EndsWithParts(string key, string tail) => key == tail || key.EndsWith("." + tail, StringComparison.Ordinal);
}
