using Mosel.Experiments.Reporting;

namespace Mosel.Experiments.Reproduction;

/// <summary>What a reproduction produced: headline rows, tables and figures, in the order the report shows them.</summary>
public sealed class ReproductionReport
{
    public List<HeadlineRow> Headline { get; } = new();

    public List<ReportTable> Tables { get; } = new();

    public List<ReportFigure> Figures { get; } = new();

    public double WallSeconds { get; set; }

    /// <summary>Adds one engine's number for a claim at a point.</summary>
    public void Claim(ReproductionContext context, string claim, string point, string paper, double value, string text) =>
        Headline.Add(new HeadlineRow(claim, point, paper, context.Engine.Name, value, text));
}
