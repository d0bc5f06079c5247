using MathNet.Numerics.Statistics;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>The profile-replay executor: exact latencies without noise, a mean-one log-normal factor with the asked-for spread.</summary>
public sealed class ProfileReplayExecutorTests
{
    private static readonly LatencyModel s_truth = new(TestProfiles.Linear(), Precision.Fp32);

    private static Job JobWith(int[] counts) => new(0, 0, counts.Sum(), 1, 0, new Strategy(counts, 0.7, 0));

    [Fact]
    public void WithoutNoiseAMixedBatchTakesTheSumOfItsConfigurationsLatencies()
    {
        var executor = new ProfileReplayExecutor(s_truth, 0, new Random(1));
        // a+b x 2 (20 ms) + b x 3 (18 ms); the unused configuration a adds nothing.
        Assert.Equal(0.038, executor.Execute(JobWith([2, 0, 3]), Precision.Fp32), 15);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void NoiseIsAMeanOneFactorWithTheGivenCoefficientOfVariation(double cv)
    {
        // 100,000 draws: the standard error of the mean is cv / 316 (<= 0.0016); of the CV about cv / 447.
        var executor = new ProfileReplayExecutor(s_truth, cv, new Random(7));
        Job job = JobWith([1, 0, 0]);
        double[] factors = Enumerable.Range(0, 100_000).Select(_ => executor.Execute(job, Precision.Fp32) / 0.01).ToArray();
        Assert.InRange(factors.Mean(), 1 - (4 * cv / 316), 1 + (4 * cv / 316));
        Assert.InRange(factors.StandardDeviation() / factors.Mean(), cv * 0.98, cv * 1.02);
        Assert.True(factors.Minimum() > 0);
    }

    [Fact]
    public void AskingForAnotherPrecisionOrANegativeSpreadIsRefused()
    {
        var executor = new ProfileReplayExecutor(s_truth, 0, new Random(1));
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => executor.Execute(JobWith([1, 0, 0]), Precision.Fp16));
        Assert.Equal("executor replays fp32 but the policy asked for fp16", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileReplayExecutor(s_truth, -0.1, new Random(1)));
    }
}
