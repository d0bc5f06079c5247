namespace Mosel.Policies.Peers;

/// <summary>
/// Counts the requests that arrive in fixed periods [k P, (k+1) P) of simulated time, and the stream's mean job size, for
/// the peers' periodic controllers. The policy sees time only when the engine calls it, so a period is closed by the first
/// call after its end; periods that pass with no call had no arrivals.
/// </summary>
public sealed class PeriodMeter
{
    private readonly double _period;
    private double _periodEnd;
    private long _requests;
    private long _jobs;
    private long _totalRequests;

    public PeriodMeter(double periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodSeconds);
        _period = periodSeconds;
        _periodEnd = periodSeconds;
    }

    /// <summary>Request rate of the first period the last <see cref="Advance"/> closed (the later ones it closed were empty).</summary>
    public double LastRatePerSecond { get; private set; }

    /// <summary>Closes every period that ended by <paramref name="nowSeconds"/> and returns how many (0: still in the same period).</summary>
    public long Advance(double nowSeconds)
    {
        if (nowSeconds < _periodEnd)
        {
            return 0;
        }
        long closed = (long)Math.Floor((nowSeconds - _periodEnd) / _period) + 1;
        LastRatePerSecond = _requests / _period;
        _requests = 0;
        _periodEnd += closed * _period;
        return closed;
    }

    /// <summary>Mean requests per job over every job counted so far; 1 before the first.</summary>
    public double MeanJobSize => _jobs == 0 ? 1 : (double)_totalRequests / _jobs;

    /// <summary>Counts a job that arrived in the current period (call <see cref="Advance"/> with its time first).</summary>
    public void Count(int requests)
    {
        _requests += requests;
        _totalRequests += requests;
        _jobs++;
    }
}
