
namespace Mosel.Experiments.Configuration;

/// <summary>
/// The files a study reads (the config, the profiles, the traces, the weights, a dataset's test split) by absolute path, and the options with
/// those paths made absolute, so that a results folder's config.resolved.yaml re-runs from wherever the folder is.
/// </summary>
public static class InputFiles
{
    /// <summary>Config keys that name a file or folder relative to the config, also where a sweep lists them.</summary>
    private static readonly string[] s_pathKeys = ["profile", "workload.trace.file", "executor.weights", "executor.libtorch", "executor.dataset"];

    /// <summary>(role, absolute path) of every input file, the config first, each file once across the sweep's points.</summary>
    public static IReadOnlyList<(string Role, string Path)> Of(Study study)
    {
        var files = new List<(string, string)> { ("config", Path.GetFullPath(study.SourcePath)) };
        foreach (ExperimentConfig point in study.Points)
        {
            ExperimentOptions absolute = Absolute(point.Options, point.SourcePath);
            files.Add(("profile", absolute.Profile!));
            if (absolute.Workload?.Trace?.File is string trace)
            {
                files.Add(("trace", trace));
            }
            if (absolute.Executor.Weights is string weights)
            {
                files.Add(("weights", weights));
            }
            if (absolute.Executor.Dataset is string dataset)
            {
                files.Add(("dataset", new ScoringSplit(dataset, absolute.Executor.DatasetSplit).File));
            }
        }
        return files.Distinct().ToArray();
    }

    /// <summary>The options with every input path (profile, trace, weights, libtorch folder, and such paths in a sweep) absolute.</summary>
    public static ExperimentOptions Absolute(ExperimentOptions options, string sourcePath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".";
        string? Full(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(folder, path));
        Dictionary<string, string[]>? Paths(Dictionary<string, string[]>? axes) =>
            axes?.ToDictionary(a => a.Key, a => s_pathKeys.Contains(a.Key) ? a.Value.Select(v => Full(v)!).ToArray() : a.Value);
        return options with
        {
            Profile = Full(options.Profile),
            Workload = options.Workload is { Trace: { } trace } workload ? workload with { Trace = trace with { File = Full(trace.File) } } : options.Workload,
            Executor = options.Executor with { Weights = Full(options.Executor.Weights), Libtorch = Full(options.Executor.Libtorch), Dataset = Full(options.Executor.Dataset) },
            Sweep = options.Sweep is { } sweep ? sweep with { Grid = Paths(sweep.Grid), Zip = Paths(sweep.Zip) } : null,
        };
    }
}
