namespace Mosel.Sim.Engine;

/// <summary>How the time a policy spends deciding is charged to the simulated clock.</summary>
public enum DecisionTimeCharge
{
    /// <summary>Decisions are free (deterministic runs).</summary>
    None,

    /// <summary>The measured wall time of each decision delays dispatch by that much.</summary>
    Measured,

    /// <summary>Every decision that ran a solver costs a fixed, modelled time.</summary>
    Fixed,
}

/// <summary>The engine's own knobs; the host validates raw options and builds this.</summary>
public sealed record SimulationSettings
{
    public int Workers { get; init; } = 1;

    /// <summary>A worker drops a job whose start + estimated latency exceeds deadline + grace.</summary>
    public double GraceSeconds { get; init; } = 0.012;

    /// <summary>Deadline = arrival + all-modality latency of the job's size + slack.</summary>
    public double SlackSeconds { get; init; } = 0.055;

    /// <summary>Period of the policy's monitor tick; 0 means the policy is only called on arrival and dispatch.</summary>
    public double MonitorIntervalSeconds { get; init; }

    public DecisionTimeCharge DecisionCharge { get; init; } = DecisionTimeCharge.None;

    public double FixedDecisionSeconds { get; init; }

    public double WindowSeconds { get; init; } = 4;

    /// <summary>How long after the last arrival the run goes on; jobs still waiting then count as queued at end.</summary>
    public double DrainSeconds { get; init; } = double.PositiveInfinity;
}
