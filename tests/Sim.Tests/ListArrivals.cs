using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>A fixed list of arrivals.</summary>
internal sealed class ListArrivals(double endSeconds, params JobArrival[] arrivals) : IArrivalSource
{
    private int _next;

    public double EndSeconds => endSeconds;

    public bool TryNext(out JobArrival arrival)
    {
        if (_next < arrivals.Length)
        {
            arrival = arrivals[_next++];
            return true;
        }
        arrival = default;
        return false;
    }
}
