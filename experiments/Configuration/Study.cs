using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// What one config asks for: its sweep points, each a validated <see cref="ExperimentConfig"/>, and their runs (every
/// point's loads x policies x seeds, in point order). A config without <c>sweep:</c> is a study of one point.
/// </summary>
public sealed class Study
{
    private Study(ExperimentOptions options, IReadOnlyList<ExperimentConfig> points, IReadOnlyList<RunSpec>? runs = null)
    {
        Options = options;
        Points = points;
        SweptKeys = points[0].Point.Settings.Select(s => s.Key).ToArray();
        if (runs is null)
        {
            CheckSize(points.Sum(p => (double)p.Policies.Count * p.Loads.Count * p.Seeds.Count), points[0].SourcePath);
            var all = new List<RunSpec>();
            foreach (ExperimentConfig point in points)
            {
                all.AddRange(point.Runs(all.Count));
            }
            runs = all;
        }
        Runs = runs;
    }

    public string Name => Points[0].Name;

    public string SourcePath => Points[0].SourcePath;

    /// <summary>The options as read, with the <c>sweep:</c> section (written out as config.resolved.yaml).</summary>
    public ExperimentOptions Options { get; }

    public IReadOnlyList<ExperimentConfig> Points { get; }

    /// <summary>The swept keys in the sweep's order: a column each in every result file.</summary>
    public IReadOnlyList<string> SweptKeys { get; }

    /// <summary>The runs this study runs, in the study's order (all of them, or one shard's); each keeps its index in the whole study.</summary>
    public IReadOnlyList<RunSpec> Runs { get; }

    /// <summary>The profile every point's per-configuration columns are named after (all points' profiles have the same configurations).</summary>
    public Mosel.Sim.Profiles.ModelProfile Profile => Points[0].Profile;

    public static Study Of(ExperimentConfig config) => new(config.Options, [config]);

    /// <summary>
    /// Validates every point; the first point with a mistake is reported, each line naming the point. Callers come in
    /// through <see cref="ConfigLoader.LoadStudy(ExperimentOptions, string)"/>, the one front door to configs.
    /// </summary>
    internal static Study Validate(ExperimentOptions options, string path)
    {
        if (options.Sweep is null)
        {
            return Of(ConfigLoader.Validate(options, path));
        }
        IReadOnlyList<SweepPoint> points = SweepGrid.Points(options.Sweep, path);
        // Before each point is validated (which takes a while for thousands): the points times the runs each has unless the
        // sweep changes its policies, loads or seeds; the exact count is checked again once every point is known.
        CheckSize((double)points.Count * Math.Max(1, options.Policies?.Length ?? 1) * Math.Max(1, options.Workload?.LoadsQps?.Length ?? 1) * options.Seeds.Length, path);
        var configs = new List<ExperimentConfig>();
        foreach (SweepPoint point in points)
        {
            try
            {
                configs.Add(ConfigLoader.Validate(SweepGrid.Apply(options, point, path), path) with { Point = point });
            }
            catch (ConfigException e)
            {
                throw SweepGrid.AtPoint(e, point, path);
            }
        }
        // Points that differ only in spelling (a path written two ways, 0 and -0) resolve to the same settings: one run each.
        foreach (IGrouping<string, ExperimentConfig> same in configs.GroupBy(c => StrictYaml.Serialize(InputFiles.Absolute(c.Options, path) with { Sweep = null }), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new ConfigException($"{path}: sweep: points {string.Join(" and ", same.Select(c => $"'{c.Point.Label}'"))} resolve to the same settings; list each once");
        }
        string[] names = Configurations(configs[0]);
        ExperimentConfig? other = configs.FirstOrDefault(c => !Configurations(c).SequenceEqual(names));
        if (other is not null)
        {
            throw new ConfigException($"{path}: sweep: the profiles of points '{configs[0].Point.Label}' and '{other.Point.Label}' have different modality configurations " +
                $"({string.Join(", ", names)} against {string.Join(", ", Configurations(other))}); a study compares one model's configurations");
        }
        return new Study(options, configs);
    }

    /// <summary>The same study running only the given runs (a shard); results and ids are those of the whole study's runs.</summary>
    public Study Only(IReadOnlyList<RunSpec> runs) => new(Options, Points, runs);

    /// <summary>The validated config that a run of this study belongs to.</summary>
    public ExperimentConfig ConfigOf(RunSpec run) => Points[run.Point.Index];

    private static void CheckSize(double runs, string path)
    {
        if (runs > ConfigLimits.MaxRuns)
        {
            throw new ConfigException(FormattableString.Invariant(
                $"{path}: the study has {runs:0} runs (sweep points x policies x loads x seeds), more than {ConfigLimits.MaxRuns:N0}; split it into several studies"));
        }
    }

    private static string[] Configurations(ExperimentConfig config) => config.Profile.Configurations.Select(c => c.Name).ToArray();
}
