namespace Mosel.Experiments.Reproduction;

/// <summary>
/// One engine's number for one of the paper's claims at one point (the load or setting it is taken at): <see cref="Value"/>
/// is the number (NaN when the row is only a before → after), <see cref="Text"/> what the table shows.
/// </summary>
public sealed record HeadlineRow(string Claim, string Point, string Paper, string Engine, double Value, string Text);
