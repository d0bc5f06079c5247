namespace Mosel.Sim.Workload;

/// <summary>
/// Jobs arrive as a Poisson process whose job rate is <c>qps / E[size]</c>, so requests arrive at
/// <c>qps</c> per second on average.
/// </summary>
public sealed class PoissonArrivals : IArrivalSource
{
    private readonly double _jobRate;
    private readonly JobSizeDistribution _sizes;
    private readonly AccuracyTargets _targets;
    private readonly Random _random;
    private double _time;

    public PoissonArrivals(double qps, double durationSeconds, JobSizeDistribution sizes, AccuracyTargets targets, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSeconds);
        _jobRate = qps / sizes.Mean;
        EndSeconds = durationSeconds;
        _sizes = sizes;
        _targets = targets;
        _random = random;
    }

    public double EndSeconds { get; }

    public bool TryNext(out JobArrival arrival)
    {
        // 1 - U lies in (0, 1], so the logarithm is finite.
        _time += -Math.Log(1 - _random.NextDouble()) / _jobRate;
        if (_time >= EndSeconds)
        {
            arrival = default;
            return false;
        }
        arrival = new JobArrival(_time, _sizes.Sample(_random), _targets.Next());
        return true;
    }
}
