using Mosel.Experiments.Profiling;

namespace Mosel.Experiments.Tests;

/// <summary>The bootstrap over clusters against cases worked by hand and a closed form.</summary>
public sealed class ClusteredIntervalTests
{
    /// <summary>
    /// Two utterances of five samples, one all right and one all wrong: a resample draws both clusters from them, so its
    /// share is 0, 0.5 or 1 with chances 1/4, 1/2, 1/4 — the 2.5 % and 97.5 % points are 0 and 1 (Wilson, taking the ten
    /// samples as independent, says [0.237, 0.763]).
    /// </summary>
    [Fact]
    public void TwoUtterancesThatDisagreeSpanEverything()
    {
        bool[] right = [true, true, true, true, true, false, false, false, false, false];
        string[] cluster = ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"];
        Assert.Equal((0.0, 1.0), ClusteredInterval.Bootstrap(right, cluster));
    }

    /// <summary>Every utterance 3 of 5 right: every resample's share is 0.6, so the interval is [0.6, 0.6].</summary>
    [Fact]
    public void UtterancesThatAgreeLeaveNoSpread()
    {
        bool[] right = [.. Enumerable.Range(0, 40).SelectMany(_ => new[] { true, true, true, false, false })];
        string[] cluster = [.. Enumerable.Range(0, 40).SelectMany(u => Enumerable.Repeat($"u{u}", 5))];
        (double low, double high) = ClusteredInterval.Bootstrap(right, cluster);
        Assert.Equal(0.6, low, 12);
        Assert.Equal(0.6, high, 12);
    }

    /// <summary>
    /// Each sample its own cluster, 300 of 400 right: the bootstrap is the binomial's, close to the normal interval
    /// 0.75 ± 1.96 √(0.75 · 0.25 / 400) = [0.7076, 0.7924]. The same 300 answers made as 80 utterances of five that agree
    /// within themselves give an interval about √5 times as wide. The same seed gives the same interval.
    /// </summary>
    [Fact]
    public void IndependentSamplesGiveTheBinomialIntervalAndCorrelatedOnesAWiderOne()
    {
        bool[] right = [.. Enumerable.Range(0, 400).Select(i => i % 4 != 0)];
        string[] own = [.. Enumerable.Range(0, 400).Select(i => $"s{i}")];
        (double low, double high) = ClusteredInterval.Bootstrap(right, own);
        Assert.Equal(0.7076, low, 0.01);
        Assert.Equal(0.7924, high, 0.01);
        Assert.Equal((low, high), ClusteredInterval.Bootstrap(right, own));

        bool[] grouped = [.. Enumerable.Range(0, 80).SelectMany(u => Enumerable.Repeat(u % 4 != 0, 5))];
        string[] utterance = [.. Enumerable.Range(0, 80).SelectMany(u => Enumerable.Repeat($"u{u}", 5))];
        (double groupedLow, double groupedHigh) = ClusteredInterval.Bootstrap(grouped, utterance);
        Assert.InRange((groupedHigh - groupedLow) / (high - low), 1.8, 2.7);
    }
}
