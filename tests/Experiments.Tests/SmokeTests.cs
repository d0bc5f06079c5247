using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Fp16BeatsNoneWhereNoneIsOverloaded()
    {
        ExperimentConfig config = ConfigLoader.Load(Repo.PathOf("experiments/configs/smoke.yaml"));
        IReadOnlyList<RunOutcome> outcomes = ExperimentRunner.Run(config);
        RunSummary none = outcomes.Single(o => o.Run.Policy == "none" && o.Run.LoadQps == 120).Result.Summary;
        RunSummary fp16 = outcomes.Single(o => o.Run.Policy == "fp16" && o.Run.LoadQps == 120).Result.Summary;
        Assert.True(none.ViolationRatio > 0.3, $"none should be overloaded at 120 req/s (violations {none.ViolationRatio:P1})");
        Assert.True(fp16.ThroughputRps > 1.5 * none.ThroughputRps, $"fp16 {fp16.ThroughputRps:0.0} vs none {none.ThroughputRps:0.0} req/s");
        Assert.All(outcomes, o => Assert.True(o.Result.Summary.ConservationHolds));
    }

    [Fact]
    public void EveryShippedConfigValidates()
    {
        // digits-measured.yaml reads what mosel dataset build, train and profile write under results/; TrainingTests runs it on inputs it makes.
        foreach (string file in Directory.GetFiles(Repo.PathOf("experiments/configs"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "digits-measured.yaml"))
        {
            Study study = ConfigLoader.LoadStudy(file);
            Assert.NotEmpty(study.Runs);
        }
    }

    [Fact]
    public void ShippedProfilesLoad()
    {
        foreach (string file in Directory.GetFiles(Repo.PathOf("profiles"), "*.yaml"))
        {
            Sim.Profiles.ModelProfile profile = ProfileFile.Load(file);
            Assert.Equal(32, profile.MaxBatchSize);
        }
    }
}
