using Mosel.Sim.Model;

namespace Mosel.Sim.Engine;

/// <summary>What a policy asks the engine to do: change some queued jobs' strategies and drop some.</summary>
public sealed class PolicyDecision
{
    public PolicyDecision(DecisionPath path, IReadOnlyList<StrategyChange> changes, IReadOnlyList<Job> drops,
        double objective = double.NaN, int violatorId = -1)
    {
        Path = path;
        Changes = changes;
        Drops = drops;
        Objective = objective;
        ViolatorId = violatorId;
    }

    /// <summary>Nothing to do and no solver ran: no time is charged for it.</summary>
    public static PolicyDecision Unchanged { get; } = new(DecisionPath.None, [], []);

    public DecisionPath Path { get; }

    public IReadOnlyList<StrategyChange> Changes { get; }

    public IReadOnlyList<Job> Drops { get; }

    /// <summary>The solver's objective (mean accuracy of the re-planned jobs), NaN when none.</summary>
    public double Objective { get; }

    public int ViolatorId { get; }

    public bool IsUnchanged => Path == DecisionPath.None && Changes.Count == 0 && Drops.Count == 0;
}
