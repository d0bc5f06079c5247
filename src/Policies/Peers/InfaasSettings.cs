namespace Mosel.Policies.Peers;

/// <summary>The INFaaS-style controller's knobs (config: <c>scheduler.infaas</c>); the defaults are declared here once.</summary>
public sealed record InfaasSettings
{
    public const double DefaultPeriodMs = 1000;
    public const double DefaultDowngradeUtilisation = 0.85;
    public const double DefaultUpgradeUtilisation = 0.6;
    public const int DefaultHysteresisPeriods = 3;
    public const double DefaultViolationShare = 0.05;

    /// <summary>How often the controller looks at the last period's load and violations.</summary>
    public double PeriodSeconds { get; init; } = DefaultPeriodMs / 1000;

    /// <summary>Move to a faster configuration when the load exceeds this share of the current one's capacity.</summary>
    public double DowngradeUtilisation { get; init; } = DefaultDowngradeUtilisation;

    /// <summary>Move one step more accurate when that configuration would run below this share of its capacity ...</summary>
    public double UpgradeUtilisation { get; init; } = DefaultUpgradeUtilisation;

    /// <summary>... for this many periods in a row (the hysteresis that keeps it from flapping).</summary>
    public int HysteresisPeriods { get; init; } = DefaultHysteresisPeriods;

    /// <summary>Move to a faster configuration when more than this share of a period's dispatched requests would miss their deadline.</summary>
    public double ViolationShare { get; init; } = DefaultViolationShare;
}
