using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Sessions;
using Mosel.Plots;
using ScottPlot;

namespace Mosel.Experiments.Reproduction;

/// <summary>What every figure works with under one engine: the engine's experiment configs, the output folders, the preset and the log.</summary>
/// <param name="outDir">The (staging) folder everything is written into: each engine's runs under a folder named after it, every figure in figures/.</param>
/// <param name="quick">Run every config with <see cref="ExperimentPresets.Quick"/>.</param>
/// <param name="jobs">Runs at once; null: one per core.</param>
public sealed class ReproductionContext(string outDir, bool quick, ReproductionEngine engine, Action<string> log, int? jobs = null)
{
    private readonly string _configs = RepoPaths.Resolve(engine.ConfigFolder);

    public ReproductionEngine Engine => engine;

    public string FiguresDir { get; } = Path.Combine(outDir, "figures");

    /// <param name="perEngine">False for work that is the same under every engine (it is not tagged with one).</param>
    public void Log(string message, bool perEngine = true) => log(perEngine ? $"[{engine.Name}] {message}" : message);

    /// <summary>Whether this engine has the experiment config (the reference engine has none for models the authors' code does not serve).</summary>
    public bool Has(string file) => File.Exists(Path.Combine(_configs, file));

    /// <summary>Runs one of the engine's configs (its whole sweep; with the quick preset when asked) into a folder under the engine's named after the config.</summary>
    public IReadOnlyList<RunOutcome> Simulate(string file)
    {
        string path = Path.Combine(_configs, file);
        ExperimentOptions read = ConfigLoader.Read(path);
        Study study = Study.Validate(quick ? ExperimentPresets.Quick(read) : read, path);
        ExperimentSession.Resolve(study, RunBudget.Default);
        string directory = Path.Combine(outDir, engine.Name, Path.GetFileNameWithoutExtension(file));
        Directory.CreateDirectory(directory);
        return ExperimentSession.Run(study, directory, parallelism: jobs);
    }

    /// <summary>Saves a one-panel figure (PNG + SVG) named after <paramref name="name"/> and the engine, and returns the PNG's path.</summary>
    public string Save(Plot plot, string name) => FigureFile.Save(plot, FiguresDir, $"{name}_{engine.Name}")[0];

    /// <summary>Saves a figure of several panels named after <paramref name="name"/> and the engine, and returns the path of the combined PNG.</summary>
    public string Save(IReadOnlyList<(string Name, Plot Plot)> panels, string name) => FigureFile.SavePanels(panels, FiguresDir, $"{name}_{engine.Name}")[^1];
}
