using Mosel.Sim.Randomness;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

public sealed class WorkloadTests
{
    [Theory]
    [InlineData(SizeRounding.Truncate)]
    [InlineData(SizeRounding.Round)]
    public void ExactMeanJobSizeMatchesSampling(SizeRounding rounding)
    {
        var sizes = JobSizeDistribution.Normal(1, 6, 32, rounding);
        Random random = SeedStreams.Create(1, "sizes");
        double sampled = Enumerable.Range(0, 400_000).Average(_ => sizes.Sample(random));
        Assert.InRange(sampled / sizes.Mean, 0.99, 1.01);
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => sizes.Sample(random)), s => Assert.InRange(s, 1, 32));
    }

    [Fact]
    public void TraceArrivalsKeepTheTotalAndSpreadJobsThroughEachSecond()
    {
        double[] rates = [2.5, 2.5, 10, 0, 7.25];
        var targets = new AccuracyTargets(0.6, 0.6, false, new Random(1));
        var source = new TraceArrivals(rates, JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate), targets, new Random(2));
        var arrivals = new List<JobArrival>();
        while (source.TryNext(out JobArrival a))
        {
            arrivals.Add(a);
        }
        Assert.Equal((int)Math.Floor(rates.Sum()), arrivals.Sum(a => a.Size));
        Assert.Equal(arrivals.OrderBy(a => a.ArrivalSeconds).ToList(), arrivals);
        Assert.DoesNotContain(arrivals, a => a.ArrivalSeconds >= 3 && a.ArrivalSeconds < 4);
        Assert.Equal(10, arrivals.Where(a => a.ArrivalSeconds >= 2 && a.ArrivalSeconds < 3).Sum(a => a.Size));
    }

    [Fact]
    public void PoissonArrivalsHitTheRequestedRate()
    {
        var sizes = JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate);
        var source = new PoissonArrivals(50, 4000, sizes, new AccuracyTargets(0.6, 0.7, true, new Random(1)), new Random(3), new Random(4));
        long requests = 0;
        while (source.TryNext(out JobArrival a))
        {
            requests += a.Size;
            Assert.InRange(a.TargetAccuracy, 0.6, 0.7);
        }
        Assert.InRange(requests / 4000.0, 48.5, 51.5);
    }

    [Fact]
    public void PoissonArrivalTimesDoNotMoveWhenTheSizeDistributionChanges()
    {
        // Same job rate (requests per second / mean size), same time stream, different sizes: the same arrival times.
        var small = JobSizeDistribution.Normal(2, 1, 32, SizeRounding.Round);
        var large = JobSizeDistribution.Normal(9, 3, 32, SizeRounding.Round);
        var targets = new AccuracyTargets(0.6, 0.7, false, new Random(1));
        var a = new PoissonArrivals(40 * small.Mean, 60, small, targets, new Random(3), new Random(4));
        var b = new PoissonArrivals(40 * large.Mean, 60, large, targets, new Random(3), new Random(4));
        int count = 0;
        bool sizesDiffer = false;
        while (a.TryNext(out JobArrival x))
        {
            Assert.True(b.TryNext(out JobArrival y));
            Assert.Equal(x.ArrivalSeconds, y.ArrivalSeconds, 1e-9);
            sizesDiffer |= x.Size != y.Size;
            count++;
        }
        Assert.InRange(count, 2000, 2800);   // about 40 jobs per second for 60 s
        Assert.True(sizesDiffer);
    }

    [Fact]
    public void ShapeWindowsSmoothsAndRescales()
    {
        var trace = new ArrivalTrace("t", 1, [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal([3.0, 4, 5], new TraceShape(StartSeconds: 2, DurationSeconds: 3).Apply(trace));
        double[] mean = new TraceShape(Rescale: RescaleKind.Mean, TargetQps: 90).Apply(trace);
        Assert.Equal(90, mean.Average(), 9);
        double[] peak = new TraceShape(Rescale: RescaleKind.Peak, TargetQps: 16).Apply(trace);
        Assert.Equal(16, peak.Max(), 9);
        double[] range = new TraceShape(Rescale: RescaleKind.Range, RangeMinQps: 10, RangeMaxQps: 80).Apply(trace);
        Assert.Equal(10, range.Min(), 9);
        Assert.Equal(80, range.Max(), 9);
        double[] smooth = new TraceShape(SmoothSeconds: 3).Apply(trace);
        Assert.Equal(4, smooth[3], 9);
        Assert.Equal(1.5, smooth[0], 9);
    }

    [Fact]
    public void SeedStreamsAreStableAndIndependent()
    {
        Assert.Equal(SeedStreams.Derive(1, "arrivals"), SeedStreams.Derive(1, "arrivals"));
        Assert.NotEqual(SeedStreams.Derive(1, "arrivals"), SeedStreams.Derive(2, "arrivals"));
        Assert.NotEqual(SeedStreams.Derive(1, "arrivals"), SeedStreams.Derive(1, "targets"));
        Assert.Equal(SeedStreams.Create(9, "x").NextDouble(), SeedStreams.Create(9, "x").NextDouble());
    }
}
