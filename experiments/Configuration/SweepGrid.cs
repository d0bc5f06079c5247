using System.Globalization;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Expands <c>sweep:</c> into its points and sets a point's values in the options. A point's values are set exactly as
/// <c>--set key=value</c> would set them, so any key a config has can be swept and is checked the same way.
/// </summary>
public static class SweepGrid
{
    /// <summary>Keys of the study as a whole (its name, which files it writes), not a setting of its runs.</summary>
    private static readonly string[] s_fixedKeys = ["name", "description", "sweep", "output.job_records", "output.records_format"];

    /// <summary>The points of a sweep, grid keys varying slowest first (as nested loops in the order written), zip rows last.</summary>
    public static IReadOnlyList<SweepPoint> Points(SweepOptions sweep, string path)
    {
        var v = new ConfigErrors(path);
        var grid = Axes(sweep.Grid, "sweep.grid", v);
        var zip = Axes(sweep.Zip, "sweep.zip", v);
        v.Check((sweep.Grid?.Count ?? 0) + (sweep.Zip?.Count ?? 0) > 0, "sweep", "list at least one key under grid: or zip:, each with a list of values");
        foreach (string key in grid.Select(a => a.Key).Intersect(zip.Select(a => a.Key)))
        {
            v.Add($"sweep.zip.{key}", "the key is also under grid: sweep it in one of the two");
        }
        int zipRows = zip.Count == 0 ? 1 : zip[0].Values.Length;
        foreach ((string key, string[] values) in zip.Skip(1).Where(a => a.Values.Length != zipRows))
        {
            v.Add($"sweep.zip.{key}", $"zip lists go in step and must be as long as the first ({zip[0].Key}: {zipRows} values), found {values.Length}");
        }
        double count = grid.Aggregate(1.0, (n, a) => n * a.Values.Length) * zipRows;
        v.Check(count <= ConfigLimits.MaxSweepPoints, "sweep", $"{count:0} points, more than {ConfigLimits.MaxSweepPoints}");
        v.ThrowIfAny();

        var points = new List<SweepPoint>();
        void Expand(int axis, List<SweepSetting> settings)
        {
            if (axis < grid.Count)
            {
                foreach (string value in grid[axis].Values)
                {
                    Expand(axis + 1, [.. settings, new SweepSetting(grid[axis].Key, value)]);
                }
                return;
            }
            for (int row = 0; row < zipRows; row++)
            {
                points.Add(new SweepPoint(points.Count, [.. settings, .. zip.Select(a => new SweepSetting(a.Key, a.Values[row]))]));
            }
        }
        Expand(0, []);
        // A value may repeat within a zip column (rows are what must differ); the points themselves must all differ.
        foreach (IGrouping<string, SweepPoint> same in points.GroupBy(p => string.Join('\n', p.Settings.Select(s => s.ToString())), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            v.Add("sweep", $"points {string.Join(" and ", same.Select(p => $"'{p.Label}'"))} are the same point; list each once");
        }
        v.ThrowIfAny();
        return points;
    }

    /// <summary>The options at one point: the sweep's values set as <c>--set</c> sets them, the <c>sweep:</c> section removed.</summary>
    public static ExperimentOptions Apply(ExperimentOptions options, SweepPoint point, string path) =>
        StrictYaml.Deserialize<ExperimentOptions>(StrictYaml.Serialize(options with { Sweep = null }), path,
            point.Settings.Select(s => s.ToString()).ToArray(), $"sweep point {point.Label}");

    /// <summary>A point's config errors, each line saying which point it is.</summary>
    public static ConfigException AtPoint(ConfigException error, SweepPoint point, string path) =>
        new(error.Lines.Select(line => line.StartsWith(path + ":", StringComparison.Ordinal)
            ? $"{path} (sweep point {point.Label}):{line[(path.Length + 1)..]}"
            : line).ToArray());

    /// <summary>
    /// A value's canonical text: a number as its shortest round-trip form (so 1, 1.0, 1e0 are one point, and 0 and -0),
    /// anything else without surrounding spaces (<c>"ideal "</c> is <c>ideal</c>).
    /// </summary>
    public static string Canonical(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
            ? (number == 0 ? 0.0 : number).ToString("R", CultureInfo.InvariantCulture)
            : value.Trim();

    private static List<(string Key, string[] Values)> Axes(Dictionary<string, string[]>? axes, string section, ConfigErrors v)
    {
        var result = new List<(string, string[])>();
        foreach ((string key, string[] values) in axes ?? [])
        {
            string name = $"{section}.{key}";
            string[] parts = key.Split('.');
            if (!v.Check(parts.All(p => p.Length > 0), name, "a key is dotted names, e.g. executor.estimate_factor")
                || !v.Check(!s_fixedKeys.Any(f => key == f || key.StartsWith(f + ".", StringComparison.Ordinal)), name, "a key of the study as a whole, the same for every point; it cannot be swept")
                || !v.Check(values.Length > 0, name, "list at least one value"))
            {
                continue;
            }
            result.Add((key, values.Select(Canonical).ToArray()));
        }
        return result;
    }
}
