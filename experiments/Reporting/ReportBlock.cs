namespace Mosel.Experiments.Reporting;

/// <summary>
/// One part of a report document, in reading order: a heading, a paragraph, a list, a table, a figure or a block of
/// text. Both report formats render every kind, so <c>mosel report</c> and <c>mosel reproduce</c> say the same thing in
/// report.md and report.html.
/// </summary>
public abstract record ReportBlock;
