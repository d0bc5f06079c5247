namespace Mosel.Experiments.Configuration;

/// <summary>Where a run's arrivals come from: a recorded trace or a Poisson process.</summary>
public enum ArrivalKind
{
    Trace,
    Poisson,
}
