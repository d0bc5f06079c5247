using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>The argument rules of the workload generators, and job-size means worked out by hand from the normal CDF.</summary>
public sealed class WorkloadRuleTests
{
    [Fact]
    public void GeneratorsRefuseSettingsThatMeanNothing()
    {
        JobSizeDistribution one = JobSizeDistribution.Fixed(1);
        var targets = new AccuracyTargets(0.5, 0.5, false, new Random(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSizeDistribution.Fixed(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSizeDistribution.Normal(3, 0, 8, SizeRounding.Round));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSizeDistribution.Normal(3, 1, 0, SizeRounding.Round));
        Assert.StartsWith("must be finite", Assert.Throws<ArgumentOutOfRangeException>(() =>
            JobSizeDistribution.Normal(double.NaN, 1, 8, SizeRounding.Round)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonArrivals(0, 10, one, targets, new Random(1), new Random(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonArrivals(1, 0, one, targets, new Random(1), new Random(2)));
        foreach ((double min, double max) in new[] { (-0.1, 0.5), (0.2, 1.1), (0.6, 0.5) })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new AccuracyTargets(min, max, true, new Random(1)));
            Assert.StartsWith($"accuracy targets need 0 <= min <= max <= 1, found [{min}, {max}]", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(1.0, new AccuracyTargets(1, 1, true, new Random(1)).Next());   // the bounds themselves are allowed
    }

    [Fact]
    public void ARunTargetIsDrawnOnceAndAPerJobTargetEachTime()
    {
        var perRun = new AccuracyTargets(0.2, 0.8, false, new Random(5));
        var perJob = new AccuracyTargets(0.2, 0.8, true, new Random(5));
        double[] run = Enumerable.Range(0, 20).Select(_ => perRun.Next()).ToArray();
        double[] job = Enumerable.Range(0, 20).Select(_ => perJob.Next()).ToArray();
        Assert.Single(run.Distinct());
        Assert.Equal(20, job.Distinct().Count());
        Assert.All(run.Concat(job), t => Assert.InRange(t, 0.2, 0.8));
        // The per-job stream starts after the draw made at construction: its first target is the run target's successor.
        var replay = new Random(5);
        double first = 0.2 + (0.6 * replay.NextDouble());
        Assert.Equal(first, run[0]);
        Assert.Equal(0.2 + (0.6 * replay.NextDouble()), job[0]);
    }

    [Theory]
    // Fixed: the size itself.
    [InlineData(0, 0, 0, 5, 5.0)]
    // N(2, 1), truncated, cap 4: P(1) = Phi(0) = 0.5 (x < 2 gives 1), P(2) = Phi(1) - Phi(0), P(3) = Phi(2) - Phi(1), P(4) = 1 - Phi(2).
    // E = 0.5 + 2 x 0.341344746 + 3 x 0.135905122 + 4 x 0.022750132 = 1.681405386.
    [InlineData(1, 2, 1, 4, 1.6814053859)]
    // Rounded: size k for x in [k - 0.5, k + 0.5): P(1) = Phi(-0.5), P(2) = Phi(0.5) - Phi(-0.5), P(3) = Phi(1.5) - Phi(0.5),
    // P(4) = 1 - Phi(1.5). E = 0.308537539 + 2 x 0.382924923 + 3 x 0.241730337 + 4 x 0.066807201 = 2.066807201.
    [InlineData(2, 2, 1, 4, 2.0668072013)]
    public void TheMeanJobSizeIsExactForTheCappedRoundedNormal(int kind, double mean, double std, int cap, double expected)
    {
        JobSizeDistribution sizes = kind switch
        {
            0 => JobSizeDistribution.Fixed(5),
            1 => JobSizeDistribution.Normal(mean, std, cap, SizeRounding.Truncate),
            _ => JobSizeDistribution.Normal(mean, std, cap, SizeRounding.Round),
        };
        Assert.Equal(expected, sizes.Mean, 9);
        var random = new Random(9);
        double sampled = Enumerable.Range(0, 200_000).Average(_ => sizes.Sample(random));
        Assert.InRange(sampled, expected - 0.01, expected + 0.01);
    }

    [Fact]
    public void PoissonArrivalsStopBeforeTheEnd()
    {
        var arrivals = new PoissonArrivals(50, 2, JobSizeDistribution.Fixed(1), new AccuracyTargets(0.5, 0.5, false, new Random(1)), new Random(3), new Random(4));
        var times = new List<double>();
        while (arrivals.TryNext(out JobArrival arrival))
        {
            times.Add(arrival.ArrivalSeconds);
        }
        Assert.InRange(times.Count, 60, 140);   // 100 expected; 4 standard deviations either side
        Assert.All(times, t => Assert.InRange(t, 0, 2 - 1e-12));
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void TraceArrivalsCarryFractionsOfARequestIntoTheNextSecond()
    {
        // 0.1 requests per second for 10 s: the carried fractions add up to 0.9999999999999999 by second 9 (floating point),
        // which counts as one request, at the start of second 9.
        var arrivals = new TraceArrivals(Enumerable.Repeat(0.1, 10).ToArray(), JobSizeDistribution.Fixed(1),
            new AccuracyTargets(0.5, 0.5, false, new Random(1)), new Random(1));
        Assert.True(arrivals.TryNext(out JobArrival arrival));
        Assert.Equal(9.0, arrival.ArrivalSeconds);
        Assert.False(arrivals.TryNext(out _));
        Assert.StartsWith("rates must be finite and non-negative", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TraceArrivals([1, -1], JobSizeDistribution.Fixed(1), new AccuracyTargets(0.5, 0.5, false, new Random(1)), new Random(1))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TraceFormatsGoByTheirConfigNames()
    {
        Assert.Equal(
            new Dictionary<string, TraceFormat>
            {
                ["per_second"] = TraceFormat.PerSecond,
                ["time_value"] = TraceFormat.TimeValue,
                ["timestamps"] = TraceFormat.Timestamps,
                ["per_minute"] = TraceFormat.PerMinute,
                ["per_hour"] = TraceFormat.PerHour,
            },
            TraceFormatNames.ByName);
    }
}
