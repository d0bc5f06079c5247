namespace Mosel.Policies.Peers;

/// <summary>The Proteus-style planner's knobs (config: <c>scheduler.proteus</c>); the defaults are declared here once.</summary>
public sealed record ProteusSettings
{
    public const double DefaultPeriodMs = 1000;
    public const double DefaultUtilisation = 0.85;
    public const double DefaultSmoothing = 0.5;

    /// <summary>How often the mix is re-planned from the predicted request rate.</summary>
    public double PeriodSeconds { get; init; } = DefaultPeriodMs / 1000;

    /// <summary>The share of the workers' time the planned mix may use at the predicted rate (headroom for bursts and queueing).</summary>
    public double Utilisation { get; init; } = DefaultUtilisation;

    /// <summary>Weight of the last period's rate in the prediction (an exponentially weighted moving average; 1: the last period alone).</summary>
    public double Smoothing { get; init; } = DefaultSmoothing;
}
