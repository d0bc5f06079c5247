namespace Mosel.Experiments.Reproduction;

/// <summary>What <c>mosel reproduce</c> runs: which figures (in report order) under which engines, whether quick, and the (staging) folder it writes into.</summary>
public sealed record ReproductionOptions(string OutDir, bool Quick, IReadOnlyList<IPaperFigure> Figures, IReadOnlyList<ReproductionEngine> Engines);
