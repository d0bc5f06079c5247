using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Policies.Offline;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Tests;

public sealed class StrategyMatricesTests
{
    private static ExperimentConfig Smoke(params string[] extra) => ConfigLoader.Load(Repo.PathOf("experiments/configs/smoke.yaml"), extra);

    [Fact]
    public void RunsWithoutEstimateNoiseShareOneMatrixPerPrecision()
    {
        ExperimentConfig config = Smoke();
        StrategyMatrices matrices = StrategyMatrices.For(config);
        StrategyMatrix seed1 = matrices.Get(config.CreateEstimate(Precision.Fp32, 1));
        Assert.Same(seed1, matrices.Get(config.CreateEstimate(Precision.Fp32, 2)));
        Assert.NotSame(seed1, matrices.Get(config.CreateEstimate(Precision.Fp16, 1)));
    }

    [Fact]
    public void RunsWithEstimateNoiseBuildTheirOwnFromTheirOwnEstimates()
    {
        ExperimentConfig config = Smoke("executor.estimate_noise_cv=0.2");
        StrategyMatrices matrices = StrategyMatrices.For(config);
        LatencyModel seed1 = config.CreateEstimate(Precision.Fp32, 1);
        LatencyModel seed2 = config.CreateEstimate(Precision.Fp32, 2);
        Assert.Same(seed1, matrices.Get(seed1).Estimate);
        Assert.Same(seed2, matrices.Get(seed2).Estimate);
    }
}
