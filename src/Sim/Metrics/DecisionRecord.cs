using Mosel.Sim.Model;

namespace Mosel.Sim.Metrics;

/// <summary>One policy decision that ran a solver or changed something.</summary>
public readonly record struct DecisionRecord(
    double TimeSeconds,
    string Trigger,
    DecisionPath Path,
    double WallSeconds,
    double ChargedSeconds,
    double Objective,
    int JobsChanged,
    int JobsDropped,
    int QueueLength,
    int ViolatorId,
    IReadOnlyList<int> ChangedJobIds,
    IReadOnlyList<int> DroppedJobIds);
