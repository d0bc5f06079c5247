namespace Mosel.Experiments.Reporting;

/// <summary>A section heading (the level under the document's title).</summary>
public sealed record ReportHeading(string Text) : ReportBlock;
