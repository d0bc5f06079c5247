
namespace Mosel.Sim.Workload;

/// <summary>
/// Job sizes: either a fixed size, or max(1, r(N(mean, std))) capped at <see cref="MaxSize"/>, where r
/// truncates toward zero (the reference code) or rounds to nearest.
/// </summary>
public sealed class JobSizeDistribution
{
    private JobSizeDistribution(int? fixedSize, double mean, double std, int maxSize, SizeRounding rounding)
    {
        FixedSize = fixedSize;
        NormalMean = mean;
        NormalStd = std;
        MaxSize = maxSize;
        Rounding = rounding;
        Mean = fixedSize ?? ExpectedSize();
    }

    public int? FixedSize { get; }

    public double NormalMean { get; }

    public double NormalStd { get; }

    public int MaxSize { get; }

    public SizeRounding Rounding { get; }

    /// <summary>Exact expected job size, used to turn a request rate into a job rate.</summary>
    public double Mean { get; }

    public static JobSizeDistribution Fixed(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new JobSizeDistribution(size, size, 0, size, SizeRounding.Truncate);
    }

    public static JobSizeDistribution Normal(double mean, double std, int maxSize, SizeRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(std);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "must be finite");
        }
        return new JobSizeDistribution(null, mean, std, maxSize, rounding);
    }

    public int Sample(Random random)
    {
        if (FixedSize is int size)
        {
            return size;
        }
        double x = MathNet.Numerics.Distributions.Normal.Sample(random, NormalMean, NormalStd);
        double r = Rounding == SizeRounding.Truncate ? Math.Truncate(x) : Math.Round(x, MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(r, 1, MaxSize);
    }

    private double ExpectedSize()
    {
        // P(size = k) is the normal mass of the x that r maps to k (clamped at both ends).
        double offset = Rounding == SizeRounding.Truncate ? 0 : -0.5;
        double Cdf(double x) => MathNet.Numerics.Distributions.Normal.CDF(NormalMean, NormalStd, x);
        double expected = 0;
        double lower = double.NegativeInfinity;
        for (int k = 1; k <= MaxSize; k++)
        {
            double upper = k == MaxSize ? double.PositiveInfinity : k + 1 + offset;
            double mass = (upper == double.PositiveInfinity ? 1 : Cdf(upper)) - (lower == double.NegativeInfinity ? 0 : Cdf(lower));
            expected += k * mass;
            lower = upper;
        }
        return expected;
    }
}
