namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>The paper's figures Mosel reproduces, and the reference engine's solve-time sensitivity beside them.</summary>
public static class PaperFigures
{
    /// <summary>Every figure, in the order report.md shows them.</summary>
    public static readonly IReadOnlyList<IPaperFigure> All =
    [
        new Figure1ConfigurationCosts(),
        new Figure5GoodputAndViolations(),
        new Figure5TargetBands(),
        new Figure6AccuracyDistribution(),
        new Figure7Precision(),
        new Figure8EstimationError(),
        new SolveTimeSensitivity(),
        new PolicyComparison(),
        new HeadlineNumbers(),
    ];

    /// <summary>What <c>--figure</c> accepts (Fig. 5's two parts share one).</summary>
    public static IEnumerable<string> Ids => All.Select(f => f.Id).Distinct();
}
