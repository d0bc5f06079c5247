using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>
/// One row per rule a profile must follow, each with the exact message a user sees, and the latency model built on it.
/// The valid base: modalities a and b, accuracies a+b 0.8, a 0.75, b 0.6, fp32 tables at batch 1 and 4.
/// </summary>
public sealed class ProfileRuleTests
{
    private static Dictionary<string, double> Accuracy() => new() { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = 0.6 };

    private static Dictionary<string, LatencyTable> Tables(int maxBatch = 4) => new()
    {
        ["a+b"] = LatencyTable.Create("a+b", [1, maxBatch], [10, 40]),
        ["a"] = LatencyTable.Create("a", [1, maxBatch], [3, 12]),
        ["b"] = LatencyTable.Create("b", [1, maxBatch], [6, 24]),
    };

    private static ModelProfile Create(string name = "m", string[]? modalities = null, AccuracyMetric? metric = null,
        Dictionary<string, double>? accuracy = null, Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>? latency = null) =>
        ModelProfile.Create(name, modalities ?? ["a", "b"], metric ?? AccuracyMetric.Default, accuracy ?? Accuracy(),
            latency ?? new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>> { [Precision.Fp32] = Tables() }, "dev", "prov");

    private static void Refused(string expected, Func<ModelProfile> create) =>
        Assert.Equal(expected, Assert.Throws<ProfileException>(() => create()).Message);

    [Fact]
    public void AValidProfileKeepsWhatItWasGiven()
    {
        ModelProfile profile = Create();
        Assert.Equal(("m", "dev", "prov", 4), (profile.Name, profile.Device, profile.Provenance, profile.MaxBatchSize));
        Assert.Equal([Precision.Fp32], profile.Precisions);
        Assert.True(profile.HasPrecision(Precision.Fp32));
        Assert.False(profile.HasPrecision(Precision.Fp16));
    }

    [Fact]
    public void TheLargestBatchIsTheSmallestTableMaximumAndPrecisionsAreListedInOrder()
    {
        var latency = new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
        {
            [Precision.Fp16] = Tables(8),
            [Precision.Fp32] = Tables(4),
        };
        ModelProfile profile = Create(latency: latency);
        Assert.Equal(4, profile.MaxBatchSize);
        Assert.Equal([Precision.Fp32, Precision.Fp16], profile.Precisions);
    }

    [Fact]
    public void EveryProfileRuleHasItsOwnMessage()
    {
        Refused("model: missing model name", () => Create(name: " "));
        Refused("modalities: missing or empty", () => Create(modalities: []));
        Refused("modalities: at most 8 modalities are supported, found 9",
            () => Create(modalities: Enumerable.Range(0, 9).Select(i => $"m{i}").ToArray()));
        Refused("modalities: invalid modality name 'a+b'", () => Create(modalities: ["a+b", "c"]));
        Refused("modalities: invalid modality name ' '", () => Create(modalities: ["a", " "]));
        Refused("modalities: modality names must be unique", () => Create(modalities: ["a", "a "]));
        Refused("accuracy.a: value 1.5 (fraction, accuracy) gives a score of 1.5, outside [0, 1]",
            () => Create(accuracy: new() { ["a+b"] = 0.8, ["a"] = 1.5, ["b"] = 0.6 }));
        Refused("accuracy.b: value -0.1 (fraction, accuracy) gives a score of -0.1, outside [0, 1]",
            () => Create(accuracy: new() { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = -0.1 }));
        Refused("accuracy.values.b+a: names the same configuration as 'a+b' (list each configuration once)",
            () => Create(accuracy: new() { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = 0.6, ["b+a"] = 0.8 }));
        Refused("accuracy.c: 'c' is not a subset of the modalities [a, b]",
            () => Create(accuracy: new() { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = 0.6, ["c"] = 0.5 }));
        Refused("latency: missing: a profile needs a latency table for at least one precision",
            () => Create(latency: []));
        Dictionary<string, LatencyTable> aliased = Tables();
        aliased["b+a"] = aliased["a+b"];
        Refused("latency.fp32.b+a: names the same configuration as 'a+b' (list each configuration once)",
            () => Create(latency: new() { [Precision.Fp32] = aliased }));
        Dictionary<string, LatencyTable> missing = Tables();
        missing.Remove("a");
        Refused("latency.fp16: missing configuration 'a'", () => Create(latency: new() { [Precision.Fp32] = Tables(), [Precision.Fp16] = missing }));
        Dictionary<string, LatencyTable> extra = Tables();
        extra["c"] = extra["a"];
        Refused("latency.fp32.c: 'c' is not a subset of the modalities [a, b]", () => Create(latency: new() { [Precision.Fp32] = extra }));
    }

    [Fact]
    public void AnAccuracyOfExactlyZeroOrOneIsAllowed()
    {
        ModelProfile profile = Create(accuracy: new() { ["a+b"] = 1, ["a"] = 0.75, ["b"] = 0 });
        Assert.Equal([1.0, 0.75, 0.0], profile.Configurations.Select(c => c.Accuracy));
    }

    [Fact]
    public void EightModalitiesAreAllowed()
    {
        string[] names = Enumerable.Range(0, 8).Select(i => $"m{i}").ToArray();
        Dictionary<string, double> accuracy = [];
        Dictionary<string, LatencyTable> tables = [];
        for (int mask = 1; mask < 256; mask++)
        {
            string config = string.Join('+', names.Where((_, i) => (mask & (1 << i)) != 0));
            accuracy[config] = 0.5;
            tables[config] = LatencyTable.Create(config, [1], [1]);
        }
        ModelProfile profile = ModelProfile.Create("eight", names, AccuracyMetric.Default, accuracy,
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>> { [Precision.Fp32] = tables }, "", "");
        Assert.Equal(255, profile.Configurations.Count);
    }

    [Fact]
    public void AMissingPrecisionIsNamedWhenItsTableIsAskedFor()
    {
        ProfileException error = Assert.Throws<ProfileException>(() => Create().Table(Precision.Fp16, 0));
        Assert.Equal("latency.fp16: profile 'm' has no fp16 latency table", error.Message);
        Assert.Throws<ProfileException>(() => new LatencyModel(Create(), Precision.Fp16));
    }

    [Theory]
    [InlineData("fraction", true, 0.9, 0.9, "accuracy")]
    [InlineData("percent", true, 90, 0.9, "accuracy")]
    [InlineData("fraction", false, 0.1, 0.9, "1 - accuracy")]
    [InlineData("percent", false, 10, 0.9, "1 - accuracy")]
    public void PublishedValuesBecomeScoresByUnitAndDirection(string unit, bool higherIsBetter, double published, double score, string description)
    {
        var metric = new AccuracyMetric("accuracy", unit, higherIsBetter, false, "");
        Assert.Equal(score, metric.ToScore(published), 12);
        Assert.Equal(description, metric.ScoreDescription);
    }

    [Fact]
    public void TheDefaultMetricIsAnExactFractionWhereHigherIsBetter()
    {
        Assert.Equal(new AccuracyMetric("accuracy", "fraction", true, false, ""), AccuracyMetric.Default);
        Assert.Empty(AccuracyMetric.Default.Measured);
    }

    [Fact]
    public void MetricsWithTheSameCountsAreEqual()
    {
        AccuracyMetric With(int correct) => AccuracyMetric.Default with { Measured = new Dictionary<string, AccuracyCount> { ["a"] = new(correct, 10, 0.5, 0.9) } };
        Assert.Equal(With(7), With(7));
        Assert.Equal(With(7).GetHashCode(), With(7).GetHashCode());
        Assert.NotEqual(With(7), With(8));
        Assert.NotEqual(AccuracyMetric.Default, With(7));
    }

    [Theory]
    [InlineData(Precision.Fp32, "fp32")]
    [InlineData(Precision.Fp16, "fp16")]
    public void PrecisionsHaveNamesThatParseBack(Precision precision, string name)
    {
        Assert.Equal(name, precision.ToName());
        Assert.True(PrecisionNames.TryParse($" {name.ToUpperInvariant()} ", out Precision parsed));
        Assert.Equal(precision, parsed);
        Assert.False(PrecisionNames.TryParse("bf16", out _));
    }

    [Fact]
    public void LatencyTablesCheckEveryValue()
    {
        ProfileException Error(Func<LatencyTable> create) => Assert.Throws<ProfileException>(() => create());
        Assert.Equal("t.latency_ms: needs one value per batch size (2), found 0", Error(() => LatencyTable.Create("t", [1, 2], null)).Message);
        Assert.Equal("t.memory_bytes: needs one value per batch size (2), found 1", Error(() => LatencyTable.Create("t", [1, 2], [1, 2], [5])).Message);
        Assert.Equal("t.batch_sizes[0]: batch size must be in [1, 65536], found 0", Error(() => LatencyTable.Create("t", [0, 2], [1, 2])).Message);
        Assert.Equal("t.batch_sizes[1]: batch size must be in [1, 65536], found 65537",
            Error(() => LatencyTable.Create("t", [1, 65537], [1, 2])).Message);
        Assert.Equal("t.batch_sizes[1]: batch sizes must strictly increase (2 then 2)", Error(() => LatencyTable.Create("t", [2, 2], [1, 2])).Message);
        Assert.Equal("t.latency_ms[0]: latency must be a positive finite number, found 0", Error(() => LatencyTable.Create("t", [1], [0])).Message);
        Assert.Equal("t.latency_ms[2]: latency decreases from 5 ms at batch 2 to 4 ms at batch 4; a latency table must be non-decreasing in batch size "
            + "(pad small batches up to the faster size)", Error(() => LatencyTable.Create("t", [1, 2, 4], [3, 5, 4])).Message);
        Assert.Equal("t.memory_bytes[1]: memory must be a non-negative finite number, found -1",
            Error(() => LatencyTable.Create("t", [1, 2], [1, 2], [0, -1])).Message);
        Assert.Equal("t.memory_bytes[0]: memory must be a non-negative finite number, found NaN",
            Error(() => LatencyTable.Create("t", [1, 2], [1, 2], [double.NaN, 1])).Message);
        Assert.Equal(65536, LatencyTable.Create("t", [1, 65536], [1, 2]).MaxBatchSize);
        Assert.Equal([1.0, 1.0], LatencyTable.Create("t", [1, 2], [1, 1]).LatencyMs);   // flat is allowed
        // The runs' quartiles: both or neither, one per batch size, finite and non-negative, the lower not above the upper.
        Assert.Equal("t.latency_q3_ms: missing: the runs' spread needs both quartiles", Error(() => LatencyTable.Create("t", [1, 2], [1, 2], null, ([1, 2], null))).Message);
        Assert.Equal("t.latency_q1_ms: needs one value per batch size (2), found 1", Error(() => LatencyTable.Create("t", [1, 2], [1, 2], null, ([1], [1, 2]))).Message);
        Assert.Equal("t.latency_q3_ms[1]: a quartile must be a non-negative finite number, found NaN",
            Error(() => LatencyTable.Create("t", [1, 2], [1, 2], null, ([1, 2], [1, double.NaN]))).Message);
        Assert.Equal("t.latency_q1_ms[0]: the lower quartile 1.5 is above the upper quartile 1.25",
            Error(() => LatencyTable.Create("t", [1, 2], [1, 2], null, ([1.5, 2], [1.25, 2.5]))).Message);
        Assert.Null(LatencyTable.Create("t", [1, 2], [1, 2]).QuartilesMs);
        Assert.Equal([0.75, 1.5], LatencyTable.Create("t", [1, 2], [1, 2], null, ([0.75, 1.5], [1.25, 2.5])).QuartilesMs!.Value.Q1);
    }

    [Fact]
    public void LatencyAndMemoryInterpolateInsideTheMeasuredRangeOnly()
    {
        LatencyTable table = LatencyTable.Create("t", [2, 4, 8], [10, 20, 60], [100, 200, 600]);
        Assert.Equal([0.01, 0.01, 0.015, 0.02, 0.04, 0.06], new[] { 1, 2, 3, 4, 6, 8 }.Select(table.Seconds), new ToleranceComparer(1e-15));
        Assert.Equal([100.0, 100.0, 150.0, 200.0, 400.0, 600.0], new[] { 1, 2, 3, 4, 6, 8 }.Select(b => table.PeakMemoryBytes(b)!.Value));
        Assert.Null(table.PeakMemoryBytes(0));
        Assert.Null(table.PeakMemoryBytes(9));
        Assert.Null(LatencyTable.Create("t", [1], [1]).PeakMemoryBytes(1));
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => table.Seconds(-1));
        Assert.StartsWith("batch size -1 is outside the measured range 0..8; latencies are never extrapolated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 5.0, 4.0, 6.0, 3.0 }, new[] { 3.0, 3.0, 3.0, 3.0 }, new[] { 0, 1, 2 })]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 2.0, 3.0 }, new int[0])]
    [InlineData(new[] { 2.0, 1.0, 4.0, 3.0, 5.0 }, new[] { 1.0, 1.0, 3.0, 3.0, 5.0 }, new[] { 0, 2 })]
    public void SuffixMinimumPadsEachBatchUpToAFasterLargerOne(double[] measured, double[] expected, int[] changed)
    {
        (double[] values, int[] indices) = MonotoneLatency.SuffixMinimum(measured);
        Assert.Equal(expected, values);
        Assert.Equal(changed, indices);
    }

    [Fact]
    public void LatencyFactorsScaleEachPointAndMustBePositive()
    {
        ModelProfile profile = Create();
        var slow = new LatencyModel(profile, Precision.Fp32, (c, b) => c == 1 ? 2 : 1);
        Assert.Equal(0.024, slow.Seconds(1, 4), 15);    // a: 12 ms x 2
        Assert.Equal(0.040, slow.Seconds(0, 4), 15);    // a+b untouched, at the largest batch too
        Assert.Equal(0.010 + 0.006 + 0.012, slow.StrategySeconds([1, 1, 2]), 15);   // a+b x 1, a x 1 doubled, b x 2
        foreach (double bad in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyModel(profile, Precision.Fp32, (_, _) => bad));
            Assert.StartsWith("latency factors must be positive and finite", error.Message, StringComparison.Ordinal);
        }
    }
}
