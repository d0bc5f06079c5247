using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>The reference producer's timing and trace replay's spacing by size, computed by hand.</summary>
public class ProducerRuleTests
{
    private static AccuracyTargets Targets() => new(0.7, 0.7, false, new Random(1));

    [Fact]
    public void TheProducerFollowsEachJobWithSizeOverQpsMinusItsAdjustmentPlusItsOwnWork()
    {
        // 10 requests a second in jobs of 4: 4, 4 and the last trimmed to 2. Gaps 0.4 - 0.003 + 0.0008 = 0.3978 s and
        // 0.2 - 0.0022 = 0.1978 s: a nominal second lasts 0.9934 s, so the producer offers 0.66 % more than 10 req/s.
        var arrivals = new ProducerArrivals([10, 10], JobSizeDistribution.Fixed(4), Targets(), ProducerTiming.Default, new Random(1));
        var times = new List<double>();
        var sizes = new List<int>();
        while (arrivals.TryNext(out JobArrival a))
        {
            times.Add(a.ArrivalSeconds);
            sizes.Add(a.Size);
        }
        Assert.Equal([4, 4, 2, 4, 4, 2], sizes);
        Assert.Equal([0, 0.3978, 0.7956, 0.9934, 1.3912, 1.789], times, new ToleranceComparer(1e-12));
        Assert.Equal(2 * 0.9934, arrivals.EndSeconds, 12);
    }

    [Fact]
    public void WithoutAdjustmentASecondLastsOneSecond()
    {
        var arrivals = new ProducerArrivals([10, 10, 10], JobSizeDistribution.Fixed(3), Targets(), ProducerTiming.Exact, new Random(1));
        Assert.Equal(3, arrivals.EndSeconds, 12);
    }

    [Fact]
    public void TraceReplayBySizeSpacesEachSecondsJobsByTheirSize()
    {
        // 6 requests in jobs of 4 and 2: at 0 and 4/6 of the second (evenly they would be at 0 and 1/2).
        var bySize = new TraceArrivals([6], JobSizeDistribution.Fixed(4), Targets(), new Random(1), SecondSpacing.BySize);
        var even = new TraceArrivals([6], JobSizeDistribution.Fixed(4), Targets(), new Random(1));
        Assert.Equal([0, 4.0 / 6], Times(bySize), new ToleranceComparer(1e-12));
        Assert.Equal([0, 0.5], Times(even), new ToleranceComparer(1e-12));
    }

    private static List<double> Times(IArrivalSource source)
    {
        var times = new List<double>();
        while (source.TryNext(out JobArrival a))
        {
            times.Add(a.ArrivalSeconds);
        }
        return times;
    }

    [Fact]
    public void TheDefaultJobSizeHasMean3Point149()
    {
        // E[min(32, max(1, trunc(N(1, 6))))] summed by hand over the normal's mass (docs/studies.md quotes it).
        Assert.Equal(3.1492, JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate).Mean, 4);
    }
}
