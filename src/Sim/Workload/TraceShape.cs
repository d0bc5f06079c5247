namespace Mosel.Sim.Workload;

/// <summary>
/// How a trace is cut and reshaped before replay: a window, a centred moving average, then a
/// rescale to a target mean, a target peak, or an affine map of [min, max] onto a QPS range.
/// </summary>
public sealed record TraceShape(
    double StartSeconds = 0,
    double? DurationSeconds = null,
    int SmoothSeconds = 0,
    RescaleKind Rescale = RescaleKind.None,
    double TargetQps = 0,
    double RangeMinQps = 0,
    double RangeMaxQps = 0)
{
    /// <summary>The shaped per-second request rates.</summary>
    public double[] Apply(ArrivalTrace trace)
    {
        if (StartSeconds < 0 || StartSeconds >= trace.DurationSeconds)
        {
            throw new ArgumentException(
                $"window start {StartSeconds} s must lie inside the trace (0..{trace.DurationSeconds} s)");
        }
        double available = trace.DurationSeconds - StartSeconds;
        double duration = DurationSeconds ?? available;
        if (duration <= 0 || duration > available + 1e-9)
        {
            throw new ArgumentException(
                $"window duration {duration} s must be in (0, {available}] s for a window starting at {StartSeconds} s");
        }
        int seconds = Math.Max(1, (int)Math.Floor(duration));
        var rates = new double[seconds];
        for (int s = 0; s < seconds; s++)
        {
            rates[s] = trace.RateAt(StartSeconds + s);
        }
        if (SmoothSeconds > 1)
        {
            rates = Smooth(rates, SmoothSeconds);
        }
        return Rescaled(rates);
    }

    private static double[] Smooth(double[] rates, int window)
    {
        var prefix = new double[rates.Length + 1];
        for (int i = 0; i < rates.Length; i++)
        {
            prefix[i + 1] = prefix[i] + rates[i];
        }
        var smoothed = new double[rates.Length];
        int half = window / 2;
        for (int i = 0; i < rates.Length; i++)
        {
            int lo = Math.Max(0, i - half);
            int hi = Math.Min(rates.Length, i - half + window);
            smoothed[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return smoothed;
    }

    private double[] Rescaled(double[] rates)
    {
        switch (Rescale)
        {
            case RescaleKind.None:
                return rates;
            case RescaleKind.Mean:
            case RescaleKind.Peak:
                double reference = Rescale == RescaleKind.Mean ? rates.Average() : rates.Max();
                if (reference <= 0)
                {
                    throw new ArgumentException("cannot rescale a trace window whose rates are all zero");
                }
                double factor = TargetQps / reference;
                return rates.Select(r => r * factor).ToArray();
            case RescaleKind.Range:
                double min = rates.Min();
                double max = rates.Max();
                if (max <= min)
                {
                    return rates.Select(_ => (RangeMinQps + RangeMaxQps) / 2).ToArray();
                }
                return rates.Select(r => RangeMinQps + ((r - min) / (max - min) * (RangeMaxQps - RangeMinQps))).ToArray();
            default:
                throw new InvalidOperationException($"unknown rescale kind {Rescale}");
        }
    }
}
