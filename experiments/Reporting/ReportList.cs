namespace Mosel.Experiments.Reporting;

/// <summary>A bulleted list; each item is marked like a <see cref="ReportParagraph"/>.</summary>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;
