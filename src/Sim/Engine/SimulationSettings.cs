namespace Mosel.Sim.Engine;

/// <summary>
/// The engine's own knobs; the host validates raw options and builds this. The defaults are declared here once, in
/// the units a config writes them (the config's defaults are these constants).
/// </summary>
public sealed record SimulationSettings
{
    public const int DefaultWorkers = 1;
    public const double DefaultGraceMs = 12;
    public const double DefaultSlackMs = 55;
    public const double DefaultWindowSeconds = 4;

    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>A worker drops a job whose start + estimated latency exceeds deadline + grace.</summary>
    public double GraceSeconds { get; init; } = DefaultGraceMs / 1000;

    /// <summary>Deadline = arrival + all-modality latency of the job's size + slack.</summary>
    public double SlackSeconds { get; init; } = DefaultSlackMs / 1000;

    /// <summary>Period of the policy's monitor tick; 0 means the policy is only called on arrival and dispatch.</summary>
    public double MonitorIntervalSeconds { get; init; }

    public DecisionTimeCharge DecisionCharge { get; init; } = DecisionTimeCharge.None;

    public double FixedDecisionSeconds { get; init; }

    public double WindowSeconds { get; init; } = DefaultWindowSeconds;

    /// <summary>How long after the last arrival the run goes on; jobs still waiting then count as queued at end.</summary>
    public double DrainSeconds { get; init; } = double.PositiveInfinity;
}
