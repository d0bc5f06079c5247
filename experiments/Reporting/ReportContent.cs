namespace Mosel.Experiments.Reporting;

/// <summary>What both report formats show: title, the studies, the figures and the aggregate table.</summary>
public sealed record ReportContent(string Title, string Subtitle, IReadOnlyList<StudyResults> Studies, IReadOnlyList<ReportFigure> Figures,
    (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Table);
