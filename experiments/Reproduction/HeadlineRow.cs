namespace Mosel.Experiments.Reproduction;

/// <summary>A headline number next to the paper's (Mosel is NaN when the row only states a before → after in Paper).</summary>
public sealed record HeadlineRow(string Metric, string Setting, double Mosel, string Paper);
