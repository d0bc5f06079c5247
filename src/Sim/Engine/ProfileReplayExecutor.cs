using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>
/// Replays a profile: each micro-batch takes the profile's latency, optionally times a seeded
/// log-normal noise factor with mean 1 and coefficient of variation <c>noiseCv</c>.
/// </summary>
public sealed class ProfileReplayExecutor : IExecutor
{
    private readonly LatencyModel _truth;
    private readonly double _noiseCv;
    private readonly double _sigma;
    private readonly Random _random;

    public ProfileReplayExecutor(LatencyModel truth, double noiseCv, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noiseCv);
        _truth = truth;
        _noiseCv = noiseCv;
        _sigma = Math.Sqrt(Math.Log(1 + (noiseCv * noiseCv)));
        _random = random;
    }

    public double Execute(Job job, Precision precision)
    {
        if (precision != _truth.Precision)
        {
            throw new InvalidOperationException($"executor replays {_truth.Precision.ToName()} but the policy asked for {precision.ToName()}");
        }
        ReadOnlySpan<int> counts = job.Strategy.Counts;
        double total = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }
            double seconds = _truth.Seconds(c, counts[c]);
            if (_noiseCv > 0)
            {
                double z = MathNet.Numerics.Distributions.Normal.Sample(_random, 0, 1);
                seconds *= Math.Exp((_sigma * z) - (_sigma * _sigma / 2));
            }
            total += seconds;
        }
        return total;
    }
}
