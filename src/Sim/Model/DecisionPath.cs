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

    /// <summary>SlackFit chose the configuration that fits the job's remaining slack when the worker took it.</summary>
    SlackFit,

    /// <summary>INFaaS's controller had moved the stream to another configuration by the time the worker took the job.</summary>
    Controller,

    /// <summary>Proteus's periodic mix of configurations assigned the job on arrival, after the mix changed.</summary>
    Mix,
}
