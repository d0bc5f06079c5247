using Mosel.Policies.Peers;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

/// <summary>
/// The peers' building blocks at their boundaries, each case worked by hand: which configurations the ladder keeps
/// (dominance needs no slower at every batch size, at least as accurate, and strictly better in one of the two), the
/// proportional mix where a service time equals the budget or two choices tie, and the guards against impossible input.
/// </summary>
public sealed class PeerBuildingBlockTests
{
    /// <summary>Modalities a and b; a+b 20 / 30 ms at batch 1 / 2 and accuracy 0.9 (dominated by nothing), a and b as given.</summary>
    private static LatencyModel Profile(double[] aMs, double aAccuracy, double[] bMs, double bAccuracy) => new(ModelProfile.Create("blocks", ["a", "b"],
        AccuracyMetric.Default, new Dictionary<string, double> { ["a+b"] = 0.9, ["a"] = aAccuracy, ["b"] = bAccuracy },
        new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
        {
            [Precision.Fp32] = new Dictionary<string, LatencyTable>
            {
                ["a+b"] = LatencyTable.Create("a+b", [1, 2], [20, 30]),
                ["a"] = LatencyTable.Create("a", [1, 2], aMs),
                ["b"] = LatencyTable.Create("b", [1, 2], bMs),
            },
        }, "test", "test"), Precision.Fp32);

    private const int Full = 0;
    private const int A = 1;
    private const int B = 2;

    public static TheoryData<string, double[], double, double[], double, int[]> Ladders => new()
    {
        // b is faster at batch 1 (3 < 6) but slower at batch 2 (12 > 11): neither is no slower everywhere, both stay.
        { "faster at one size, slower at another", [6, 11], 0.8, [3, 12], 0.5, [Full, A, B] },
        // Equal latencies, a more accurate: a is no slower anywhere and better in accuracy, so b goes.
        { "same speed, less accurate", [6, 11], 0.8, [6, 11], 0.5, [Full, A] },
        // Equal accuracy, a as fast at batch 1 and faster at batch 2: a dominates by speed alone, b goes.
        { "as accurate, slower at one size", [6, 11], 0.8, [6, 12], 0.8, [Full, A] },
        // Identical: neither is strictly better in anything, both stay, in profile order.
        { "identical", [6, 11], 0.8, [6, 11], 0.8, [Full, A, B] },
    };

    [Theory]
    [MemberData(nameof(Ladders))]
    public void TheLadderKeepsWhatNothingDominates(string _, double[] aMs, double aAccuracy, double[] bMs, double bAccuracy, int[] expected) =>
        Assert.Equal(expected, ConfigurationLadder.Build(Profile(aMs, aAccuracy, bMs, bAccuracy)));

    [Fact]
    public void TheMixTakesAConfigurationThatFitsTheBudgetExactly()
    {
        // Budget = capacity / rate = 1 / 4 = 0.25 s per request, binary-exact: the 0.25-s configuration fits alone.
        Assert.Equal([1.0, 0.0], ConfigurationMix.Solve([0.9, 0.5], [0.25, 0.125], 4, 1));
    }

    [Fact]
    public void AmongEquallyAccurateChoicesTheMixKeepsTheFirstAndNeverAnEqualMix()
    {
        // Two configurations of accuracy 0.75 that both fit: the first listed is kept.
        Assert.Equal([1.0, 0.0], ConfigurationMix.Solve([0.75, 0.75], [0.25, 0.125], 1, 1));
        // Budget 0.5 s: the 0.25-s configuration fits alone (0.75); mixing it half and half with the 0.75-s one also
        // averages 0.5 s and 0.75 — no better, so the single configuration stays.
        Assert.Equal([0.0, 1.0], ConfigurationMix.Solve([0.75, 0.75], [0.75, 0.25], 1, 0.5));
    }

    [Fact]
    public void ImpossibleInputsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ConfigurationMix.Solve([], [], 1, 1));
        Assert.Throws<ArgumentException>(() => ConfigurationMix.Solve([0.9, 0.8], [0.01], 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigurationMix.Solve([0.9], [0.01], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigurationMix.Solve([0.9], [0.01], 1, 0));
        LatencyModel estimate = Profile([6, 11], 0.8, [3, 6], 0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InfaasPolicy("infaas", estimate, new InfaasSettings(), workers: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProteusPolicy("proteus", estimate, new ProteusSettings(), workers: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodMeter(0));
    }

    [Fact]
    public void SlackFitTakesAStrategyThatFillsTheSlackExactlyAndTheFirstOfTheFastest()
    {
        // a+b runs one request in 20 ms: a slack of exactly 20 ms fits it (binary: 20 / 1000 both ways).
        var policy = new SlackFitPolicy("slackfit", Profile([6, 11], 0.8, [6, 11], 0.5));
        Assert.Equal(Full, ConfigurationOf(policy.Choose(1, 0.020)));
        // Nothing fits 1 ms: the fastest, and between a and b (6 ms each) the more accurate one, a, which comes first.
        Assert.Equal(A, ConfigurationOf(policy.Choose(1, 0.001)));
    }

    [Fact]
    public void RandomDropWithOneModalityNeverDropsAndATargetNoDropCanMissDrawsNothing()
    {
        // One modality: nothing to drop, p = 0 at any target.
        var single = new LatencyModel(ModelProfile.Create("one", ["a"], AccuracyMetric.Default, new Dictionary<string, double> { ["a"] = 0.8 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable> { ["a"] = LatencyTable.Create("a", [1, 2], [5, 9]) },
            }, "test", "test"), Precision.Fp32);
        Assert.Equal(0, new RandomDropPolicy("random-drop", single, new Random(1)).DropProbability(0.1));

        // A job whose target is the full accuracy (p = 0) takes no draw from the run's stream: the next job's draws are
        // those it would have had alone. a+b 0.9, a 0.8, b 0.5: a target of 0.75 gives p = (0.9 − 0.75) / (0.9 − 0.65) = 0.6.
        LatencyModel estimate = Profile([6, 11], 0.8, [3, 6], 0.5);
        var alone = new RandomDropPolicy("random-drop", estimate, new Random(7));
        var after = new RandomDropPolicy("random-drop", estimate, new Random(7));
        Assert.Equal(Full, ConfigurationOf(after.InitialStrategy(2, 0.9)));
        // Twenty jobs of two requests each (the profile goes up to batch 2): the same forty draws, the same strategies.
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => string.Join(",", alone.InitialStrategy(2, 0.75).Counts.ToArray())),
            Enumerable.Range(0, 20).Select(_ => string.Join(",", after.InitialStrategy(2, 0.75).Counts.ToArray())));
    }

    /// <summary>The configuration a strategy runs all its requests with (-1 for a mix).</summary>
    private static int ConfigurationOf(Sim.Model.Strategy strategy)
    {
        int[] counts = strategy.Counts.ToArray();
        return Array.FindIndex(counts, n => n == counts.Sum());
    }
}
