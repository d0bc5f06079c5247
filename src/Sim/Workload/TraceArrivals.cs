namespace Mosel.Sim.Workload;

/// <summary>
/// Replays per-second request rates: each second's requests are cut into jobs (<see cref="SecondCutter"/>) and placed in
/// order through that second, evenly or by size.
/// </summary>
public sealed class TraceArrivals : IArrivalSource
{
    private readonly double[] _rates;
    private readonly AccuracyTargets _targets;
    private readonly SecondSpacing _spacing;
    private readonly SecondCutter _cutter;
    private readonly List<int> _secondSizes = new();
    private int _second = -1;
    private int _secondRequests;
    private int _indexInSecond;
    private int _requestsBefore;

    public TraceArrivals(double[] ratesPerSecond, JobSizeDistribution sizes, AccuracyTargets targets, Random random, SecondSpacing spacing = SecondSpacing.Even)
    {
        SecondCutter.CheckRates(ratesPerSecond);
        _rates = ratesPerSecond;
        _targets = targets;
        _spacing = spacing;
        _cutter = new SecondCutter(sizes, random);
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
            _secondRequests = _cutter.Cut(_rates[_second], _secondSizes);
            _indexInSecond = 0;
            _requestsBefore = 0;
        }
        int size = _secondSizes[_indexInSecond];
        double offset = _spacing == SecondSpacing.BySize
            ? (double)_requestsBefore / _secondRequests
            : (double)_indexInSecond / _secondSizes.Count;
        _indexInSecond++;
        _requestsBefore += size;
        arrival = new JobArrival(_second + offset, size, _targets.Next());
        return true;
    }
}
