using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>Scored runs: the measured accuracy and share of jobs at target, and what the profile predicts for them.</summary>
public sealed class ScoringTests
{
    [Fact]
    public void TheChanceOfMeetingATargetIsAPoissonBinomialTail()
    {
        // One request right with 0.9, one with 0.6. Target 0.75 needs both: 0.9 x 0.6 = 0.54.
        Assert.Equal(0.54, TargetChance.Of([1, 1], [0.9, 0.6], 0.75), 12);
        // Target 0.5 needs one: 1 - 0.1 x 0.4 = 0.96. Exactly 1.0 needs both; 0 needs none.
        Assert.Equal(0.96, TargetChance.Of([1, 1], [0.9, 0.6], 0.5), 12);
        Assert.Equal(0.54, TargetChance.Of([1, 1], [0.9, 0.6], 1.0), 12);
        Assert.Equal(1.0, TargetChance.Of([1, 1], [0.9, 0.6], 0), 12);
        // Five requests at 0.8, target 0.8 needs four: 0.8^5 + 5 x 0.8^4 x 0.2 = 0.73728.
        Assert.Equal(0.73728, TargetChance.Of([5, 0], [0.8, 0.5], 0.8), 12);
    }

    [Fact]
    public void TheChanceAgreesWithEveryOutcomeEnumerated()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 300; trial++)
        {
            int[] counts = [random.Next(0, 5), random.Next(0, 5), random.Next(1, 5)];
            double[] accuracies = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            double target = Math.Round(random.NextDouble(), 2);
            double[] perRequest = counts.SelectMany((n, c) => Enumerable.Repeat(accuracies[c], n)).ToArray();
            double expected = 0;
            for (int outcome = 0; outcome < 1 << perRequest.Length; outcome++)
            {
                double chance = 1;
                int right = 0;
                for (int r = 0; r < perRequest.Length; r++)
                {
                    bool isRight = (outcome & (1 << r)) != 0;
                    chance *= isRight ? perRequest[r] : 1 - perRequest[r];
                    right += isRight ? 1 : 0;
                }
                expected += TargetChance.Meets(right, perRequest.Length, target) ? chance : 0;
            }
            Assert.Equal(expected, TargetChance.Of(counts, accuracies, target), 10);
        }
    }

    [Fact]
    public void AScoredRunReportsMeasuredBesidePredictedAccuracy()
    {
        // Four jobs of five requests, far apart (each runs alone and meets its deadline), all on a+b (0.8), target 0.8.
        // Right answers 5, 4, 3, 5: measured 17/20 = 0.85; at or above 0.8: jobs with 5, 4, 5 = 3 of 4.
        // The profile predicts each job meets 0.8 with P(Bin(5, 0.8) >= 4) = 0.73728.
        ModelProfile profile = TestProfiles.Linear();
        var truth = new LatencyModel(profile, Precision.Fp32);
        int[] correct = [5, 4, 3, 5];
        var arrivals = new ListArrivals(10, Enumerable.Range(0, 4).Select(i => new JobArrival(i * 2.0, 5, 0.8)).ToArray());
        var recorder = new ListRecorder();
        var simulation = new Simulation(new SimulationSettings { SlackSeconds = 1 }, new AllModalitiesTestPolicy(truth),
            new ScoringExecutor(new ProfileReplayExecutor(truth, 0, new Random(1)), correct), arrivals, truth, FrozenClock.Instance, recorder);
        RunSummary s = simulation.Run().Summary;

        Assert.Equal(4, s.MetJobs);
        Assert.Equal(20, s.ScoredRequests);
        Assert.Equal(0.8, s.MeanServedAccuracy, 12);
        Assert.Equal(0.85, s.MeasuredServedAccuracy, 12);
        Assert.Equal(Math.Sqrt(20 * 0.8 * 0.2) / 20, s.MeasuredServedAccuracySd, 12);
        Assert.Equal(0.75, s.ShareJobsMeetingTargetMeasured, 12);
        Assert.Equal(1.0, s.ShareJobsMeetingTarget, 12);
        Assert.Equal(0.73728, s.ShareJobsMeetingTargetExpected, 12);
        Assert.Equal(Math.Sqrt(4 * 0.73728 * (1 - 0.73728)) / 4, s.ShareJobsMeetingTargetExpectedSd, 12);
        Assert.Equal([5, 4, 3, 5], recorder.Jobs.OrderBy(j => j.Id).Select(j => j.CorrectRequests!.Value));
    }

    [Fact]
    public void AnUnscoredRunHasNoMeasuredAccuracy()
    {
        ModelProfile profile = TestProfiles.Linear();
        var truth = new LatencyModel(profile, Precision.Fp32);
        (RunResult result, ListRecorder recorder) = ReplayRun.Run(new AllModalitiesTestPolicy(truth), truth, new SimulationSettings { SlackSeconds = 1 },
            new ListArrivals(4, new JobArrival(0, 5, 0.8)));
        Assert.Equal(0, result.Summary.ScoredRequests);
        Assert.True(double.IsNaN(result.Summary.MeasuredServedAccuracy));
        Assert.True(double.IsNaN(result.Summary.ShareJobsMeetingTargetMeasured));
        Assert.True(double.IsNaN(result.Summary.ShareJobsMeetingTargetExpected));
        Assert.Null(Assert.Single(recorder.Jobs).CorrectRequests);
    }

    [Fact]
    public void AScoreMustBeBetweenNoneAndEveryRequest()
    {
        ModelProfile profile = TestProfiles.Linear();
        var truth = new LatencyModel(profile, Precision.Fp32);
        int[] tooMany = [6];
        var simulation = new Simulation(new SimulationSettings(), new AllModalitiesTestPolicy(truth),
            new ScoringExecutor(new ProfileReplayExecutor(truth, 0, new Random(1)), tooMany),
            new ListArrivals(4, new JobArrival(0, 5, 0.8)), truth, FrozenClock.Instance, null);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Run());
    }

    /// <summary>Replays the profile and scores job i as having <c>correct[i]</c> right answers.</summary>
    private sealed class ScoringExecutor(IExecutor inner, int[] correct) : IExecutor
    {
        public double Execute(Job job, Precision precision)
        {
            job.RecordCorrect(correct[job.Id]);
            return inner.Execute(job, precision);
        }
    }
}
