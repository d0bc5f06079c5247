using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>A strategy's size, mean accuracy and text form, on <see cref="TestProfiles.Linear"/> (a+b 0.8, a 0.75, b 0.6).</summary>
public sealed class StrategyTests
{
    private static readonly ModelProfile s_profile = TestProfiles.Linear();

    [Fact]
    public void SizeIsTheNumberOfRequestsOverAllConfigurations()
    {
        Assert.Equal(4, new Strategy([1, 0, 3], 0.65, 0.02).Size);
    }

    [Theory]
    [InlineData(new[] { 2, 0, 0 }, 0.8)]
    [InlineData(new[] { 1, 1, 2 }, 0.6875)]     // (0.8 + 0.75 + 1.2) / 4
    [InlineData(new[] { 0, 3, 1 }, 0.7125)]     // (2.25 + 0.6) / 4
    [InlineData(new[] { 0, 0, 0 }, 0.0)]        // no requests: no accuracy, not NaN
    public void MeanAccuracyWeighsEachConfigurationByItsRequests(int[] counts, double expected)
    {
        Assert.Equal(expected, Strategy.MeanAccuracy(counts, s_profile), 12);
    }

    [Theory]
    [InlineData(new[] { 2, 0, 0 }, "a+b:2")]
    [InlineData(new[] { 1, 0, 3 }, "a+b:1;b:3")]
    [InlineData(new[] { 0, 2, 1 }, "a:2;b:1")]
    public void DescribeListsTheConfigurationsInUseInProfileOrder(int[] counts, string expected)
    {
        Assert.Equal(expected, new Strategy(counts, Strategy.MeanAccuracy(counts, s_profile), 0.01).Describe(s_profile));
    }
}
