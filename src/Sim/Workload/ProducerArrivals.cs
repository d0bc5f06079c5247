namespace Mosel.Sim.Workload;

/// <summary>
/// The reference producer (<c>arrivals: fixed</c>): every nominal second's requests are cut into jobs (the last one
/// trimmed) and each job is followed by the producer's gap, so work arrives almost uniformly, not as a Poisson process.
/// The producer's clock is not aligned to seconds, so the whole schedule is drawn up front: the offered window ends when
/// the last gap does.
/// </summary>
public sealed class ProducerArrivals : IArrivalSource
{
    private readonly List<JobArrival> _jobs = new();
    private int _next;

    public ProducerArrivals(double[] ratesPerSecond, JobSizeDistribution sizes, AccuracyTargets targets, ProducerTiming timing, Random random)
    {
        SecondCutter.CheckRates(ratesPerSecond);
        var cutter = new SecondCutter(sizes, random);
        var second = new List<int>();
        double time = 0;
        foreach (double rate in ratesPerSecond)
        {
            int requests = cutter.Cut(rate, second);
            foreach (int size in second)
            {
                _jobs.Add(new JobArrival(time, size, targets.Next()));
                time += timing.Gap(size, requests);
            }
        }
        EndSeconds = Math.Max(time, double.Epsilon);
    }

    public double EndSeconds { get; }

    public bool TryNext(out JobArrival arrival)
    {
        if (_next >= _jobs.Count)
        {
            arrival = default;
            return false;
        }
        arrival = _jobs[_next++];
        return true;
    }
}
