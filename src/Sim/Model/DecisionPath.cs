namespace Mosel.Sim.Model;

/// <summary>Which mechanism last chose a job's strategy.</summary>
public enum DecisionPath
{
    None,
    Exact,
    OrTools,
    Greedy,
    Aggressive,

    /// <summary>The reference monitor's idle path moved the job to its cheapest cell.</summary>
    Idle,
}
