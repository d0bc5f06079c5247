namespace Mosel.Experiments.Reporting;

/// <summary>One figure of a report: its files (PNG, SVG and the numbers behind it as CSV, names relative to the report) and caption.</summary>
public sealed record ReportFigure(string Title, string Caption, string Png, string Svg, string Csv) : ReportBlock;
