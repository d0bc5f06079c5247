namespace Mosel.Experiments.Reproduction;

/// <summary>One figure (or the headline table) of the paper: runs its experiments, renders, and adds captions, tables and rows to the report.</summary>
public interface IPaperFigure
{
    /// <summary>What <c>--figure</c> selects it by.</summary>
    string Id { get; }

    /// <summary>False for figures drawn from the profiles alone: they are made once, not once per engine.</summary>
    bool RunsExperiments => true;

    void Reproduce(ReproductionContext context, ReproductionReport report);
}
