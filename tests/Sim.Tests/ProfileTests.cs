using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

public sealed class ProfileTests
{
    [Fact]
    public void LatencyInterpolatesBetweenMeasuredSizesAndNeverExtrapolates()
    {
        LatencyTable table = LatencyTable.Create("t", [2, 4, 8], [10, 20, 60]);
        Assert.Equal(0, table.Seconds(0));
        Assert.Equal(0.010, table.Seconds(1), 12);
        Assert.Equal(0.015, table.Seconds(3), 12);
        Assert.Equal(0.040, table.Seconds(6), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Seconds(9));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 4 }, new[] { 5.0, 4.0, 6.0 }, "t.latency_ms[1]", "decreases")]
    [InlineData(new[] { 1, 4, 2 }, new[] { 5.0, 6.0, 7.0 }, "t.batch_sizes[2]", "strictly increase")]
    [InlineData(new[] { 1, 2 }, new[] { 5.0 }, "t.latency_ms", "one value per batch size")]
    [InlineData(new[] { 1, 2 }, new[] { 5.0, double.NaN }, "t.latency_ms[1]", "positive finite")]
    [InlineData(new int[0], new double[0], "t.batch_sizes", "missing or empty")]
    public void BadLatencyTablesNameTheKey(int[] sizes, double[] ms, string key, string what)
    {
        ProfileException e = Assert.Throws<ProfileException>(() => LatencyTable.Create("t", sizes, ms));
        Assert.Equal(key, e.Key);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void ConfigurationsAreCanonicalAndFullFirst()
    {
        ModelProfile profile = TestProfiles.Linear();
        Assert.Equal(["a+b", "a", "b"], profile.Configurations.Select(c => c.Name));
        Assert.Equal(0, profile.IndexOf("b+a"));
        Assert.Equal(-1, profile.IndexOf("c"));
    }

    [Fact]
    public void AProfileMissingAConfigurationIsRejected()
    {
        ProfileException e = Assert.Throws<ProfileException>(() => ModelProfile.Create("m", ["a", "b"], AccuracyMetric.Default,
            new Dictionary<string, double> { ["a+b"] = 0.8, ["a"] = 0.7 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>(), "", ""));
        Assert.Equal("accuracy", e.Key);
        Assert.Contains("'b'", e.Message);
    }

    [Fact]
    public void LowerIsBetterMetricsBecomeScoresExplicitly()
    {
        var wer = new AccuracyMetric("WER", "percent", HigherIsBetter: false, Approximate: false, Source: "");
        Assert.Equal(0.991, wer.ToScore(0.9), 12);
        Assert.Equal("1 - WER", wer.ScoreDescription);
    }

    [Fact]
    public void LogHistogramQuantilesAreWithinATenthOfAPercent()
    {
        var histogram = new LogHistogram();
        var random = new Random(4);
        double[] values = Enumerable.Range(0, 100_000).Select(_ => Math.Exp(random.NextDouble() * 10) * 1e-4).ToArray();
        foreach (double v in values)
        {
            histogram.Add(v);
        }
        Array.Sort(values);
        foreach (double q in new[] { 0.01, 0.5, 0.9, 0.99 })
        {
            double exact = values[(int)Math.Ceiling(q * values.Length) - 1];
            Assert.InRange(histogram.Quantile(q) / exact, 0.999, 1.001);
        }
        Assert.Equal(values.Average(), histogram.Mean, 9);
    }
}
