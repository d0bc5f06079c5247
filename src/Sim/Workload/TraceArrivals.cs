namespace Mosel.Sim.Workload;

/// <summary>
/// Replays per-second request rates: each second gets a whole number of requests (error diffusion,
/// so the total matches the rates), cut into jobs by the size distribution (the last job of a second
/// takes what is left) and spread evenly through that second in order.
/// </summary>
public sealed class TraceArrivals : IArrivalSource
{
    private readonly double[] _rates;
    private readonly JobSizeDistribution _sizes;
    private readonly AccuracyTargets _targets;
    private readonly Random _random;
    private readonly List<int> _secondSizes = new();
    private int _second = -1;
    private int _indexInSecond;
    private double _carry;

    public TraceArrivals(double[] ratesPerSecond, JobSizeDistribution sizes, AccuracyTargets targets, Random random)
    {
        foreach (double rate in ratesPerSecond)
        {
            if (!double.IsFinite(rate) || rate < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ratesPerSecond), rate, "rates must be finite and non-negative");
            }
        }
        _rates = ratesPerSecond;
        _sizes = sizes;
        _targets = targets;
        _random = random;
    }

    public double EndSeconds => _rates.Length;

    public bool TryNext(out JobArrival arrival)
    {
        while (_indexInSecond >= _secondSizes.Count)
        {
            _second++;
            if (_second >= _rates.Length)
            {
                arrival = default;
                return false;
            }
            CutSecond();
        }
        int size = _secondSizes[_indexInSecond];
        double time = _second + ((double)_indexInSecond / _secondSizes.Count);
        _indexInSecond++;
        arrival = new JobArrival(time, size, _targets.Next());
        return true;
    }

    private void CutSecond()
    {
        _secondSizes.Clear();
        _indexInSecond = 0;
        double wanted = _rates[_second] + _carry;
        int requests = (int)Math.Floor(wanted + 1e-9);
        _carry = wanted - requests;
        while (requests > 0)
        {
            int size = Math.Min(_sizes.Sample(_random), requests);
            _secondSizes.Add(size);
            requests -= size;
        }
    }
}
