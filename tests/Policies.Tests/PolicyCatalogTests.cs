using Mosel.Policies.Baselines;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Policies.Selection;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

/// <summary>The policy names a config may use, what each builds, and the all-modalities baseline's strategies.</summary>
public sealed class PolicyCatalogTests
{
    private static PolicyContext ContextFor(string name) =>
        new(new LatencyModel(RandomProfiles.Tvlt, PolicyCatalog.PrecisionOf(name)), FrozenClock.Instance,
            new OnlineSolverSettings());

    [Theory]
    [InlineData("none", Precision.Fp32, typeof(StaticConfigurationPolicy))]
    [InlineData("fp16", Precision.Fp16, typeof(StaticConfigurationPolicy))]
    [InlineData("dynamic", Precision.Fp32, typeof(ModalitySelectionPolicy))]
    [InlineData("dynamic+fp16", Precision.Fp16, typeof(ModalitySelectionPolicy))]
    [InlineData("aggressive", Precision.Fp32, typeof(ModalitySelectionPolicy))]
    [InlineData("greedy", Precision.Fp32, typeof(ModalitySelectionPolicy))]
    [InlineData("aggressive+fp16", Precision.Fp16, typeof(ModalitySelectionPolicy))]
    [InlineData("greedy+fp16", Precision.Fp16, typeof(ModalitySelectionPolicy))]
    [InlineData("static:audio", Precision.Fp32, typeof(StaticConfigurationPolicy))]
    [InlineData("static:audio@fp16", Precision.Fp16, typeof(StaticConfigurationPolicy))]
    [InlineData("static:audio+video@fp32", Precision.Fp32, typeof(StaticConfigurationPolicy))]
    [InlineData("slackfit", Precision.Fp32, typeof(SlackFitPolicy))]
    [InlineData("slackfit+fp16", Precision.Fp16, typeof(SlackFitPolicy))]
    [InlineData("infaas", Precision.Fp32, typeof(InfaasPolicy))]
    [InlineData("infaas+fp16", Precision.Fp16, typeof(InfaasPolicy))]
    [InlineData("proteus", Precision.Fp32, typeof(ProteusPolicy))]
    [InlineData("proteus+fp16", Precision.Fp16, typeof(ProteusPolicy))]
    [InlineData("random-drop", Precision.Fp32, typeof(RandomDropPolicy))]
    [InlineData("random-drop+fp16", Precision.Fp16, typeof(RandomDropPolicy))]
    public void EachPolicyBuildsWithItsPrecisionAndSaysWhetherItPlansToTargets(string name, Precision precision, Type type)
    {
        Assert.True(PolicyCatalog.IsKnown(name));
        Assert.Equal(precision, PolicyCatalog.PrecisionOf(name));
        Assert.Equal(type == typeof(ModalitySelectionPolicy), PolicyCatalog.PlansToTargets(name));
        ISchedulingPolicy policy = PolicyCatalog.Create(name, ContextFor(name));
        Assert.Equal(name, policy.Name);
        Assert.Equal(precision, policy.Precision);
        Assert.IsType(type, policy);
    }

    [Theory]
    [InlineData("static:audio", "audio")]
    [InlineData("static:audio@fp16", "audio")]
    [InlineData("static:audio+video", "audio+video")]
    [InlineData("none", "audio+video")]
    [InlineData("fp16", "audio+video")]
    public void AStaticPolicyRunsTheConfigurationItNamesForEveryRequest(string name, string configuration)
    {
        ISchedulingPolicy policy = PolicyCatalog.Create(name, ContextFor(name));
        int index = RandomProfiles.Tvlt.IndexOf(configuration);
        Assert.Equal(PolicyHooks.None, policy.Hooks);
        Strategy strategy = policy.InitialStrategy(3, 0.99);
        Assert.Equal(3, strategy.Counts[index]);
        Assert.Equal(RandomProfiles.Tvlt.Configurations[index].Accuracy, strategy.Accuracy, 12);
    }

    [Theory]
    [InlineData("static:")]
    [InlineData("static:audio@")]
    [InlineData("static:audio@FP16")]
    [InlineData("static:audio@bf16")]
    [InlineData("static: audio")]
    [InlineData("static:@fp16")]
    [InlineData("Static:audio")]
    public void AMalformedStaticNameIsUnknown(string name) => Assert.False(PolicyCatalog.IsKnown(name));

    [Fact]
    public void AStaticConfigurationTheProfileLacksIsRefusedByName()
    {
        ArgumentException missing = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create("static:text", ContextFor("static:text")));
        Assert.StartsWith("policy 'static:text': 'text' is not a configuration of ", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCatalogIsEveryWayOfPlanningAtEveryPrecisionUnderThePapersNames()
    {
        Assert.Equal(["none", "fp16", "dynamic", "dynamic+fp16", "aggressive", "aggressive+fp16", "greedy", "greedy+fp16", "slackfit", "slackfit+fp16",
            "infaas", "infaas+fp16", "proteus", "proteus+fp16", "random-drop", "random-drop+fp16", "static:CONFIGURATION[@fp16]"], PolicyCatalog.Names);
        Assert.All(PolicyCatalog.Entries, e => Assert.Equal(e.Mode is not null, e.PlansToTargets));
        Assert.Equal(ReplanMode.Optimal, PolicyCatalog.Entry("dynamic+fp16").Mode);
        Assert.Null(PolicyCatalog.Entry("fp16").Mode);
    }

    [Fact]
    public void OnlyOptimalReplanningTakesAnExactSolver()
    {
        var estimate = new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32);
        StrategyMatrix matrix = StrategyMatrix.Build(estimate);
        var settings = new OnlineSolverSettings();
        ArgumentException none = Assert.Throws<ArgumentException>(() =>
            new ModalitySelectionPolicy("dynamic", matrix, ReplanMode.Optimal, null, settings, FrozenClock.Instance));
        Assert.Equal("Optimal re-planning needs an exact solver (Parameter 'solver')", none.Message);
        ArgumentException extra = Assert.Throws<ArgumentException>(() =>
            new ModalitySelectionPolicy("greedy", matrix, ReplanMode.Greedy, OnlineSolvers.Create(settings), settings, FrozenClock.Instance));
        Assert.Equal("Greedy re-planning takes no exact solver (Parameter 'solver')", extra.Message);
        Assert.IsType<ModalitySelectionPolicy>(PolicyCatalog.Create("aggressive+fp16", ContextFor("aggressive+fp16")));
    }

    [Theory]
    [InlineData("dynamic-fp16")]
    [InlineData("None")]
    [InlineData("")]
    public void AnUnknownNameIsRefusedWithTheKnownOnes(string name)
    {
        Assert.False(PolicyCatalog.IsKnown(name));
        Assert.False(PolicyCatalog.PlansToTargets(name));
        const string known = "(known: none, fp16, dynamic, dynamic+fp16, aggressive, aggressive+fp16, greedy, greedy+fp16, slackfit, slackfit+fp16, " +
            "infaas, infaas+fp16, proteus, proteus+fp16, random-drop, random-drop+fp16, static:CONFIGURATION[@fp16])";
        ArgumentException create = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create(name, ContextFor("none")));
        Assert.StartsWith($"unknown policy '{name}' {known}", create.Message, StringComparison.Ordinal);
        ArgumentException precision = Assert.Throws<ArgumentException>(() => PolicyCatalog.PrecisionOf(name));
        Assert.StartsWith($"unknown policy '{name}' {known}", precision.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Precision.Fp32)]
    [InlineData(Precision.Fp16)]
    public void TheBaselineRunsEveryRequestOnEveryModalityAtEverySize(Precision precision)
    {
        var estimate = new LatencyModel(RandomProfiles.Tvlt, precision);
        var policy = new StaticConfigurationPolicy("baseline", estimate);
        Assert.Equal("baseline", policy.Name);
        Assert.Equal(precision, policy.Precision);
        Assert.True(estimate.MaxBatchSize > 1);
        for (int size = 1; size <= estimate.MaxBatchSize; size++)
        {
            // The target plays no part: the baseline never selects.
            Strategy strategy = policy.InitialStrategy(size, 0.99);
            Assert.Same(strategy, policy.InitialStrategy(size, 0.1));
            Assert.Equal(size, strategy.Size);
            Assert.Equal(size, strategy.Counts[ModelProfile.FullConfigurationIndex]);
            Assert.Equal(estimate.Seconds(ModelProfile.FullConfigurationIndex, size), strategy.EstimatedSeconds);
            Assert.Equal(RandomProfiles.Tvlt.Configurations[ModelProfile.FullConfigurationIndex].Accuracy, strategy.Accuracy, 12);
        }
    }

    [Fact]
    public void ASharedMatrixIsUsedOnlyWithEstimatesOfItsPrecision()
    {
        StrategyMatrix fp32 = StrategyMatrix.Build(new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32));
        var policy = (ModalitySelectionPolicy)PolicyCatalog.Create("dynamic", ContextFor("dynamic") with { Matrix = fp32 });
        Assert.Equal(Precision.Fp32, policy.Precision);
        ArgumentException mismatch = Assert.Throws<ArgumentException>(() => PolicyCatalog.Create("dynamic+fp16", ContextFor("dynamic+fp16") with { Matrix = fp32 }));
        Assert.Contains("another profile or precision", mismatch.Message, StringComparison.Ordinal);
    }
}
