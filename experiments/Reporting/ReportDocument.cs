namespace Mosel.Experiments.Reporting;

/// <summary>What a report says, in reading order, before it is written as report.md and report.html (<see cref="ReportFiles"/>).</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public IEnumerable<ReportFigure> Figures => Blocks.OfType<ReportFigure>();
}
