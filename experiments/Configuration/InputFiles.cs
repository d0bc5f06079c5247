namespace Mosel.Experiments.Configuration;

/// <summary>
/// The files an experiment reads (the config, the profile, the trace, the weights) by absolute path, and the options
/// with those paths made absolute, so that a results folder's config.resolved.yaml re-runs from wherever the folder is.
/// </summary>
public static class InputFiles
{
    /// <summary>(role, absolute path) of every input file, the config first.</summary>
    public static IReadOnlyList<(string Role, string Path)> Of(ExperimentConfig config)
    {
        ExperimentOptions absolute = Absolute(config);
        var files = new List<(string, string)> { ("config", Path.GetFullPath(config.SourcePath)), ("profile", absolute.Profile!) };
        if (absolute.Workload?.Trace?.File is string trace)
        {
            files.Add(("trace", trace));
        }
        if (absolute.Executor.Weights is string weights)
        {
            files.Add(("weights", weights));
        }
        return files;
    }

    /// <summary>The config's options with every input path (profile, trace, weights, libtorch folder) absolute.</summary>
    public static ExperimentOptions Absolute(ExperimentConfig config)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(config.SourcePath)) ?? ".";
        string? Full(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(folder, path));
        ExperimentOptions options = config.Options;
        return options with
        {
            Profile = Full(options.Profile),
            Workload = options.Workload is { Trace: { } trace } workload ? workload with { Trace = trace with { File = Full(trace.File) } } : options.Workload,
            Executor = options.Executor with { Weights = Full(options.Executor.Weights), Libtorch = Full(options.Executor.Libtorch) },
        };
    }
}
