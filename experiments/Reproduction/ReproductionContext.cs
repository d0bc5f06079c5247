using Mosel.Experiments.Configuration;
using Mosel.Experiments.Reporting;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Sessions;
using Mosel.Plots;
using ScottPlot;

namespace Mosel.Experiments.Reproduction;

/// <summary>What every figure works with under one engine: the engine's experiment configs, the output folders, the options and the log.</summary>
public sealed class ReproductionContext(ReproductionOptions options, ReproductionEngine engine, Action<string> log)
{
    /// <summary>The model the paper's experiments run (a <c>--profile</c> replaces it); Fig. 1 also draws ViLT.</summary>
    public const string PaperProfile = "profiles/tvlt.h100-interim.yaml";

    private readonly string _configs = options.ConfigDir is { } dir
        ? (engine == ReproductionEngine.Reference ? Path.Combine(dir, "reference") : dir)
        : RepoPaths.Resolve(engine.ConfigFolder);

    public ReproductionEngine Engine => engine;

    private readonly FigureFolder _figures = new(options.OutDir);

    public string FiguresDir => _figures.Path;

    /// <summary>The profiles Fig. 1 draws: TVLT and ViLT, or the <c>--profile</c> alone.</summary>
    public IReadOnlyList<string> FigureOneProfiles => options.Profile is { } profile
        ? [profile]
        : [RepoPaths.Resolve(PaperProfile), RepoPaths.Resolve("profiles/vilt.h100-interim.yaml")];

    /// <param name="perEngine">False for work that is the same under every engine (it is not tagged with one).</param>
    public void Log(string message, bool perEngine = true) => log(perEngine ? $"[{engine.Name}] {message}" : message);

    /// <summary>
    /// Whether this engine has the experiment config (the reference engine has none for models the authors' code does not
    /// serve). With <c>--profile</c>, only the configs of the paper's TVLT experiments run (the profile replaces TVLT's).
    /// </summary>
    public bool Has(string file)
    {
        string path = Path.Combine(_configs, file);
        if (!File.Exists(path))
        {
            return false;
        }
        if (options.Profile is null)
        {
            return true;
        }
        string? profile = ConfigLoader.Read(path).Profile;
        return profile is not null
            && Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, profile)) == RepoPaths.Resolve(PaperProfile);
    }

    /// <summary>Runs one of the engine's configs (its whole sweep; with the quick preset when asked) into a folder under the engine's named after the config.</summary>
    public IReadOnlyList<RunOutcome> Simulate(string file)
    {
        string path = Path.Combine(_configs, file);
        ExperimentOptions read = ConfigLoader.Read(path, options.Profile is { } profile ? [$"profile={profile}"] : null);
        Study study = ConfigLoader.LoadStudy(options.Quick ? ExperimentPresets.Quick(read) : read, path);
        ExperimentSession.Resolve(study, RunBudget.Default);
        string directory = Path.Combine(options.OutDir, engine.Name, Path.GetFileNameWithoutExtension(file));
        Directory.CreateDirectory(directory);
        return ExperimentSession.Run(study, directory, parallelism: options.Jobs);
    }

    /// <summary>Saves a one-panel figure (PNG + SVG) and the numbers it draws (CSV), named after <paramref name="name"/> and the engine.</summary>
    /// <param name="caption">What the report says under it; its part before the first ": " is the figure's title.</param>
    public ReportFigure Figure(Plot plot, string name, string caption, FigureNumbers numbers)
    {
        string file = $"{name}_{engine.Name}";
        IReadOnlyList<string> files = FigureFile.Save(plot, _figures.Path, file, scale: options.Scale);
        return Described(file, files[0], files[1], caption, numbers);
    }

    /// <summary>Saves a figure of several panels (each also on its own) and its numbers, named after <paramref name="name"/> and the engine, or after the name alone when it is the same under every engine.</summary>
    public ReportFigure Figure(IReadOnlyList<(string Name, Plot Plot)> panels, string name, string caption, FigureNumbers numbers, bool shared = false)
    {
        string file = shared ? name : $"{name}_{engine.Name}";
        IReadOnlyList<string> files = FigureFile.SavePanels(panels, _figures.Path, file, scale: options.Scale);
        return Described(file, files[^1], files[^2], caption, numbers);
    }

    private ReportFigure Described(string file, string png, string svg, string caption, FigureNumbers numbers)
    {
        numbers.Write(_figures.CsvOf(file));
        int colon = caption.IndexOf(": ", StringComparison.Ordinal);
        return _figures.Figure(colon < 0 ? caption : caption[..colon], caption, png, svg, file);
    }
}
