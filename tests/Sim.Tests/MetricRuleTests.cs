using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>The metric types' edge rules: empty and boundary histograms, derived summary ratios, window closing.</summary>
public sealed class MetricRuleTests
{
    [Fact]
    public void AnEmptyHistogramHasNoMeanAndNoQuantile()
    {
        var histogram = new LogHistogram();
        Assert.True(double.IsNaN(histogram.Mean));
        Assert.True(double.IsNaN(histogram.Quantile(0.5)));
    }

    [Fact]
    public void HistogramValuesMustBeFiniteAndNonNegative()
    {
        var histogram = new LogHistogram();
        foreach (double bad in new[] { -1e-9, double.NaN, double.PositiveInfinity })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Add(bad));
            Assert.StartsWith("histogram values must be finite and non-negative", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, histogram.Count);
    }

    [Fact]
    public void ValuesBelowAMicrosecondAreTheMinimumAndHugeValuesTheMaximum()
    {
        // Three values under 1 us (including 0 and exactly 1 us's neighbour), then 1 us itself, then 1e9 s (above the top bin).
        var histogram = new LogHistogram();
        foreach (double v in new[] { 0, 2e-7, 9.99e-7, 1e-6, 1e9 })
        {
            histogram.Add(v);
        }
        Assert.Equal(5, histogram.Count);
        Assert.Equal(0, histogram.Quantile(0.2));                    // rank 1: below the smallest bin, the exact minimum
        Assert.Equal(0, histogram.Quantile(0.6));                    // rank 3: still below
        Assert.InRange(histogram.Quantile(0.8), 1e-6, 1.001e-6);     // rank 4: the first bin, 1 us .. 1.001 us
        Assert.Equal(1e9, histogram.Quantile(1.0));                  // rank 5: the top bin, clamped to the exact maximum
        Assert.Equal((0 + 2e-7 + 9.99e-7 + 1e-6 + 1e9) / 5, histogram.Mean, 6);
    }

    [Fact]
    public void AQuantileOnABinEdgeTakesThatBin()
    {
        // Two values far apart: the median (rank 1 of 2) is the first, not the second.
        var histogram = new LogHistogram();
        histogram.Add(0.001);
        histogram.Add(1.0);
        Assert.InRange(histogram.Quantile(0.5), 0.001 / 1.001, 0.001 * 1.001);
        Assert.InRange(histogram.Quantile(0.51), 1 / 1.001, 1.0);
    }

    [Fact]
    public void SummaryRatiosFollowTheirDefinitions()
    {
        RunSummary summary = Summary(offered: 4, submitted: 10, met: 6, late: 1, dropped: 2, queued: 1);
        Assert.Equal(1.5, summary.ThroughputRps);           // 6 met requests / 4 s
        Assert.Equal(0.4, summary.ViolationRatio, 15);      // 1 - 6 / 10
        Assert.True(summary.ConservationHolds);
        Assert.Equal(0, Summary(offered: 0, submitted: 10, met: 6, late: 1, dropped: 2, queued: 1).ThroughputRps);
        Assert.Equal(0, Summary(offered: 4, submitted: 0, met: 0, late: 0, dropped: 0, queued: 0).ViolationRatio);
        Assert.False(Summary(offered: 4, submitted: 10, met: 6, late: 1, dropped: 2, queued: 0).ConservationHolds);
        Assert.False((summary with { SubmittedJobs = 11 }).ConservationHolds);
    }

    [Fact]
    public void WindowsCloseWithTheQueueLengthOfTheirEndAndDeriveTheirRatios()
    {
        // Windows of 1 s. A job submitted at 0.5 s (3 requests) opens window 0; at 1.0 s (the window's end) it is closed
        // with the queue length of that moment; nothing else is closed before its end.
        var collector = new MetricsCollector(TestProfiles.Constant(1), 1);
        Strategy strategy = Strategy.Uniform(0, 3, new LatencyModel(TestProfiles.Constant(1), Precision.Fp32));
        collector.Submitted(new Job(0, 0.5, 3, 2, 0.5, strategy));
        collector.AdvanceTo(0.999, 7);
        collector.AdvanceTo(1.0, 4);
        collector.AdvanceTo(5, 9);
        RunResult result = collector.Result(1, 1, 1, 3, 2);
        WindowStats window = Assert.Single(result.Windows);
        Assert.Equal(4, window.QueueLengthAtEnd);
        Assert.Equal(0, window.FinishedRequests);
        Assert.True(double.IsNaN(window.MeanServedAccuracy));
        Assert.Equal(1.0, window.MetViolationRatio);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricsCollector(TestProfiles.Constant(1), 0));
    }

    [Fact]
    public void AWindowsServedAccuracyIsPerFinishedRequest()
    {
        // Finished 4 requests (3 met, 1 late) with accuracy sum 3.0: 0.75 each. Submitted 5, met 3: 1 - 3/5 = 0.4.
        var window = new WindowStats(0, 0, 1) { SubmittedRequests = 5, MetRequests = 3, LateRequests = 1, ServedAccuracySum = 3.0 };
        Assert.Equal(4, window.FinishedRequests);
        Assert.Equal(0.75, window.MeanServedAccuracy);
        Assert.Equal(0.4, window.MetViolationRatio, 15);
        Assert.True(double.IsNaN(new WindowStats(0, 0, 1).MetViolationRatio));
    }

    private static RunSummary Summary(double offered, long submitted, long met, long late, long dropped, long queued) => new()
    {
        OfferedSeconds = offered,
        SimulatedEndSeconds = offered,
        SubmittedJobs = submitted,
        SubmittedRequests = submitted,
        MetJobs = met,
        MetRequests = met,
        LateJobs = late,
        LateRequests = late,
        DroppedJobs = dropped,
        DroppedRequests = dropped,
        QueuedJobsAtEnd = queued,
        QueuedRequestsAtEnd = queued,
        WindowViolationRatioMet = 0,
        WindowViolationRatioRef = double.NaN,
        JctMeanSeconds = 0,
        JctP50Seconds = 0,
        JctP99Seconds = 0,
        MeanServedAccuracy = 0,
        ShareJobsMeetingTarget = 0,
        ScoredRequests = 0,
        MeasuredServedAccuracy = double.NaN,
        MeasuredServedAccuracySd = double.NaN,
        ShareJobsMeetingTargetMeasured = double.NaN,
        ShareJobsMeetingTargetExpected = double.NaN,
        ShareJobsMeetingTargetExpectedSd = double.NaN,
        FinishedRequestsPerConfiguration = [],
        Decisions = 0,
        DecisionsByPath = new Dictionary<string, long>(),
        DecisionWallP50Seconds = 0,
        DecisionWallP99Seconds = 0,
        DecisionChargedSeconds = 0,
    };
}
