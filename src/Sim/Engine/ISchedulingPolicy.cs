using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>
/// A scheduling policy. The engine calls it when a job arrives, when a worker is about to start a job
/// and on each monitor tick; the policy reads the snapshot and returns decisions for the engine to apply.
/// </summary>
public interface ISchedulingPolicy
{
    string Name { get; }

    /// <summary>The precision whose profile this policy runs (and whose latency sets deadlines).</summary>
    Precision Precision { get; }

    /// <summary>The calls below that can return a decision; the engine makes only these (every one, unless a policy says less).</summary>
    PolicyHooks Hooks => PolicyHooks.All;

    /// <summary>The strategy a newly arrived job starts with.</summary>
    Strategy InitialStrategy(int size, double targetAccuracy);

    PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot);

    PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot);

    PolicyDecision OnTick(SchedulerSnapshot snapshot);
}
