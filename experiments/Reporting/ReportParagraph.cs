namespace Mosel.Experiments.Reporting;

/// <summary>A paragraph; <c>**bold**</c> and <c>`code`</c> are marked as Markdown writes them, and report.html renders them the same.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;
