namespace Mosel.Experiments.Reproduction;

/// <summary>What a reproduction produced: headline rows and figure files with captions, in the order report.md shows them.</summary>
public sealed class ReproductionReport
{
    public List<HeadlineRow> Headline { get; } = new();

    public List<(string Caption, string File)> Figures { get; } = new();

    public double WallSeconds { get; set; }
}
