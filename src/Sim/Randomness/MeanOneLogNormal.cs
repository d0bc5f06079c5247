using MathNet.Numerics.Distributions;

namespace Mosel.Sim.Randomness;

/// <summary>
/// A seeded noise factor with mean 1 and a given coefficient of variation: log-normal with
/// σ² = ln(1 + cv²) and μ = −σ²/2. A coefficient of 0 gives exactly 1 and draws nothing from the stream.
/// </summary>
public sealed class MeanOneLogNormal
{
    private readonly LogNormal? _distribution;

    public MeanOneLogNormal(double cv, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cv);
        if (cv > 0)
        {
            double sigma = Math.Sqrt(Math.Log(1 + (cv * cv)));
            _distribution = new LogNormal(-(sigma * sigma) / 2, sigma, random);
        }
    }

    public double Sample() => _distribution?.Sample() ?? 1;
}
