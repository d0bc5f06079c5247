namespace Mosel.Experiments.Reproduction;

/// <summary>One figure (or the headline table) of the paper: runs its experiments, renders, and adds captions and rows to the report.</summary>
public interface IPaperFigure
{
    /// <summary>What <c>--figure</c> selects it by.</summary>
    string Id { get; }

    void Reproduce(ReproductionContext context, ReproductionReport report);
}
