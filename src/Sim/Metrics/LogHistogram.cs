namespace Mosel.Sim.Metrics;

/// <summary>
/// Streaming distribution of non-negative values with fixed memory: log-spaced bins with a relative
/// width of 0.1 % between 1 µs and 10^5 s, so quantiles are exact to 0.1 % whatever the run length.
/// Mean, minimum and maximum are exact.
/// </summary>
public sealed class LogHistogram
{
    private const double Smallest = LogBins.Smallest;
    private readonly long[] _bins = new long[LogBins.Count];
    private long _belowSmallest;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    public void Add(double value)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "histogram values must be finite and non-negative");
        }
        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (value < Smallest)
        {
            _belowSmallest++;
            return;
        }
        _bins[LogBins.Of(value)]++;
    }

    /// <summary>The q-quantile (0..1) by the nearest-rank rule, as a bin's geometric centre clamped to [Min, Max].</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        long rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = _belowSmallest;
        if (seen >= rank)
        {
            return Min;
        }
        for (int i = 0; i < _bins.Length - 1; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return Math.Clamp(LogBins.Centre(i), Min, Max);
            }
        }
        // The rank lies in the top bin, which also holds everything above 10^5 s: its centre says nothing, the maximum is exact.
        return Max;
    }
}
