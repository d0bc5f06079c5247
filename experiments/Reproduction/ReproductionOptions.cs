namespace Mosel.Experiments.Reproduction;

/// <summary>
/// What <c>mosel reproduce</c> runs: which figures (in report order) under which engines, whether quick, and the (staging)
/// folder it writes into; <see cref="Jobs"/> runs at once (null: one per core).
/// </summary>
/// <param name="Profile">A model profile that replaces TVLT's in every experiment (absolute path), or null for the shipped one.</param>
/// <param name="ConfigDir">A folder of experiment configs that replaces experiments/configs (its reference/ subfolder the reference engine's), or null.</param>
/// <param name="Scale">PNG resolution factor of every figure.</param>
public sealed record ReproductionOptions(string OutDir, bool Quick, IReadOnlyList<IPaperFigure> Figures, IReadOnlyList<ReproductionEngine> Engines, int? Jobs = null,
    string? Profile = null, string? ConfigDir = null, double Scale = 1);
