namespace Mosel.Experiments.Configuration;

/// <summary>Where a run's arrivals come from: a recorded trace, a Poisson process or the reference producer at a fixed rate.</summary>
public enum ArrivalKind
{
    Trace,
    Poisson,
    Fixed,
}
