using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Sessions;
using Mosel.Plots;
using ScottPlot;

namespace Mosel.Experiments.Reproduction;

/// <summary>What every figure works with: the experiment configs, the output folders, the preset and the log.</summary>
/// <param name="outDir">The (staging) folder everything is written into.</param>
/// <param name="quick">Run every config with <see cref="ExperimentPresets.Quick"/>.</param>
public sealed class ReproductionContext(string outDir, bool quick, Action<string> log)
{
    private readonly string _configs = RepoPaths.Resolve("experiments/configs");

    public string FiguresDir { get; } = Path.Combine(outDir, "figures");

    public void Log(string message) => log(message);

    /// <summary>
    /// Runs one of experiments/configs (changed by <paramref name="change"/>, then by the quick preset when asked) into
    /// its own folder, named after the config unless <paramref name="folder"/> says otherwise.
    /// </summary>
    public IReadOnlyList<RunOutcome> Simulate(string file, Func<ExperimentOptions, ExperimentOptions>? change = null, string? folder = null)
    {
        string path = Path.Combine(_configs, file);
        ExperimentOptions read = ConfigLoader.Read(path);
        ExperimentOptions changed = change?.Invoke(read) ?? read;
        ExperimentConfig config = ConfigLoader.Validate(quick ? ExperimentPresets.Quick(changed) : changed, path);
        ExperimentSession.Resolve(config, RunBudget.Default);
        string directory = Path.Combine(outDir, folder ?? Path.GetFileNameWithoutExtension(file));
        Directory.CreateDirectory(directory);
        return ExperimentSession.Run(config, directory);
    }

    /// <summary>Saves a one-panel figure (PNG + SVG) and returns the PNG's path.</summary>
    public string Save(Plot plot, string name) => FigureFile.Save(plot, FiguresDir, name)[0];

    /// <summary>Saves a figure of several panels and returns the path of the combined PNG.</summary>
    public string Save(IReadOnlyList<(string Name, Plot Plot)> panels, string name) => FigureFile.SavePanels(panels, FiguresDir, name)[^1];
}
