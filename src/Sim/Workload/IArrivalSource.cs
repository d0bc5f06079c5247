namespace Mosel.Sim.Workload;

/// <summary>A seeded, time-ordered stream of job arrivals, pulled one at a time so memory stays flat.</summary>
public interface IArrivalSource
{
    /// <summary>End of the offered-load window in seconds; throughput is measured over [0, EndSeconds).</summary>
    double EndSeconds { get; }

    bool TryNext(out JobArrival arrival);
}
