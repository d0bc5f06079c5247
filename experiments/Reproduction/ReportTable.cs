namespace Mosel.Experiments.Reproduction;

/// <summary>A table of numbers behind a figure, shown in report.md under its title.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
