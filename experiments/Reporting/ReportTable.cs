namespace Mosel.Experiments.Reporting;

/// <summary>A table under its own heading (<paramref name="Title"/>), with an optional note between the two.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null) : ReportBlock;
