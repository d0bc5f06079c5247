namespace Mosel.Sim.Workload;

/// <summary>
/// Jobs arrive as a Poisson process whose job rate is <c>qps / E[size]</c>, so requests arrive at
/// <c>qps</c> per second on average. Arrival times and job sizes come from separate random streams, so a
/// different size distribution moves no arrival time.
/// </summary>
public sealed class PoissonArrivals : IArrivalSource
{
    private readonly double _jobRate;
    private readonly JobSizeDistribution _sizes;
    private readonly AccuracyTargets _targets;
    private readonly Random _times;
    private readonly Random _sizeRandom;
    private double _time;

    public PoissonArrivals(double qps, double durationSeconds, JobSizeDistribution jobSizes, AccuracyTargets targets, Random times, Random sizes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSeconds);
        _jobRate = qps / jobSizes.Mean;
        EndSeconds = durationSeconds;
        _sizes = jobSizes;
        _targets = targets;
        _times = times;
        _sizeRandom = sizes;
    }

    public double EndSeconds { get; }

    public bool TryNext(out JobArrival arrival)
    {
        // 1 - U lies in (0, 1], so the logarithm is finite.
        _time += -Math.Log(1 - _times.NextDouble()) / _jobRate;
        if (_time >= EndSeconds)
        {
            arrival = default;
            return false;
        }
        arrival = new JobArrival(_time, _sizes.Sample(_sizeRandom), _targets.Next());
        return true;
    }
}
