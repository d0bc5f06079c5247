namespace Mosel.Policies.Selection;

/// <summary>What a modality-selection policy does when the queue is about to miss a deadline.</summary>
public enum ReplanMode
{
    /// <summary>MOSEL: maximise the affected jobs' mean accuracy within the budget (exact or OR-Tools), greedy on time-out.</summary>
    Optimal,

    /// <summary>Move every affected job to its cheapest cell that meets its target.</summary>
    Aggressive,

    /// <summary>The greedy fallback alone.</summary>
    Greedy,
}
