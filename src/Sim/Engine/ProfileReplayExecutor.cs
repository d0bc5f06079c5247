using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;

namespace Mosel.Sim.Engine;

/// <summary>
/// Replays a profile: each micro-batch takes the profile's latency, optionally times a seeded
/// log-normal noise factor with mean 1 and coefficient of variation <c>noiseCv</c>.
/// </summary>
public sealed class ProfileReplayExecutor : IExecutor
{
    private readonly LatencyModel _truth;
    private readonly MeanOneLogNormal _noise;

    public ProfileReplayExecutor(LatencyModel truth, double noiseCv, Random random)
    {
        _truth = truth;
        _noise = new MeanOneLogNormal(noiseCv, random);
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
            total += _truth.Seconds(c, counts[c]) * _noise.Sample();
        }
        return total;
    }
}
