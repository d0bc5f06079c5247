using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

public sealed class ConservationTests
{
    [Fact]
    public void EveryRequestIsMetLateDroppedOrQueuedNeverLost()
    {
        // An overloaded, noisy run cut off early, so every outcome occurs, over more than a million requests.
        ModelProfile profile = TestProfiles.Linear();
        var truth = new LatencyModel(profile, Precision.Fp32);
        var estimate = new LatencyModel(profile, Precision.Fp32, (_, _) => 0.8);
        var targets = new AccuracyTargets(0.6, 0.7, perJob: true, SeedStreams.Create(3, "targets"));
        double[] rates = Enumerable.Range(0, 5500).Select(s => 200 + (150 * Math.Sin(s / 50.0))).ToArray();
        var arrivals = new TraceArrivals(rates, JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate), targets, SeedStreams.Create(3, "arrivals"));
        var settings = new SimulationSettings { SlackSeconds = 0.02, DrainSeconds = 0, Workers = 2 };
        var recorder = new ListRecorder();
        var simulation = new Simulation(settings, new AllModalitiesTestPolicy(estimate),
            new ProfileReplayExecutor(truth, 0.3, SeedStreams.Create(3, "noise")), arrivals, truth, FrozenClock.Instance, recorder);

        RunSummary s = simulation.Run().Summary;

        Assert.True(s.SubmittedRequests >= 1_000_000, $"only {s.SubmittedRequests} requests");
        Assert.True(s.MetRequests > 0 && s.LateRequests > 0 && s.DroppedRequests > 0 && s.QueuedRequestsAtEnd > 0,
            $"met {s.MetRequests} late {s.LateRequests} dropped {s.DroppedRequests} queued {s.QueuedRequestsAtEnd}");
        Assert.True(s.ConservationHolds);
        Assert.Equal(s.SubmittedRequests, s.MetRequests + s.LateRequests + s.DroppedRequests + s.QueuedRequestsAtEnd);
        // Every job is recorded exactly once, with the outcome the summary counted.
        Assert.Equal(s.SubmittedJobs, recorder.Jobs.Count);
        Assert.Equal(recorder.Jobs.Count, recorder.Jobs.Select(j => j.Id).Distinct().Count());
        Assert.Equal(s.MetRequests, recorder.Jobs.Where(j => j.Outcome == JobOutcome.Met).Sum(j => (long)j.Size));
        Assert.Equal(s.LateRequests, recorder.Jobs.Where(j => j.Outcome == JobOutcome.Late).Sum(j => (long)j.Size));
        Assert.Equal(s.DroppedRequests, recorder.Jobs.Where(j => j.Outcome == JobOutcome.Dropped).Sum(j => (long)j.Size));
        Assert.All(recorder.Jobs.Where(j => j.Outcome == JobOutcome.Met), j => Assert.True(j.FinishSeconds <= j.DeadlineSeconds));
        Assert.All(recorder.Jobs.Where(j => j.Outcome == JobOutcome.Late), j => Assert.True(j.FinishSeconds > j.DeadlineSeconds));
    }

    [Fact]
    public void WindowsAddUpToTheSummary()
    {
        ModelProfile profile = TestProfiles.Linear();
        var truth = new LatencyModel(profile, Precision.Fp32);
        var targets = new AccuracyTargets(0.6, 0.7, perJob: false, SeedStreams.Create(5, "targets"));
        var arrivals = new PoissonArrivals(150, 120, JobSizeDistribution.Normal(1, 6, 32, SizeRounding.Truncate), targets, SeedStreams.Create(5, "arrival-times"), SeedStreams.Create(5, "arrivals"));
        var simulation = new Simulation(new SimulationSettings(), new AllModalitiesTestPolicy(truth),
            new ProfileReplayExecutor(truth, 0, new Random(1)), arrivals, truth, FrozenClock.Instance);

        RunResult result = simulation.Run();

        Assert.Equal(result.Summary.SubmittedRequests, result.Windows.Sum(w => w.SubmittedRequests));
        Assert.Equal(result.Summary.MetRequests, result.Windows.Sum(w => w.MetRequests));
        Assert.Equal(result.Summary.LateRequests, result.Windows.Sum(w => w.LateRequests));
        Assert.Equal(result.Summary.DroppedRequests, result.Windows.Sum(w => w.DroppedRequests));
        Assert.Equal(result.Summary.MetRequests + result.Summary.LateRequests, result.JobAccuracyDistribution.Sum(a => a.Requests));
        Assert.True(result.Summary.ViolationRatio > 0.05, "this load should overload the all-modality baseline");
    }
}
