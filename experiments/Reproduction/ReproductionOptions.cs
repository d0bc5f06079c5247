namespace Mosel.Experiments.Reproduction;

/// <summary>
/// What <c>mosel reproduce</c> runs: which figures (in report order) under which engines, whether quick, and the (staging)
/// folder it writes into; <see cref="Jobs"/> runs at once (null: one per core).
/// </summary>
public sealed record ReproductionOptions(string OutDir, bool Quick, IReadOnlyList<IPaperFigure> Figures, IReadOnlyList<ReproductionEngine> Engines, int? Jobs = null);
