using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>The engine against closed forms: M/D/1 mean waiting time (Pollaczek–Khinchine).</summary>
public sealed class QueueingTheoryTests
{
    private const double ServiceMs = 10;

    [Theory]
    [InlineData(0.5, 400_000)]
    [InlineData(0.8, 1_000_000)]
    public void MD1MeanWaitMatchesPollaczekKhinchine(double rho, int expectedJobs)
    {
        double service = ServiceMs / 1000;
        double lambda = rho / service;
        ModelProfile profile = TestProfiles.Constant(ServiceMs);
        var truth = new LatencyModel(profile, Precision.Fp32);
        var targets = new AccuracyTargets(0, 0, perJob: false, SeedStreams.Create(7, "targets"));
        var arrivals = new PoissonArrivals(lambda, expectedJobs / lambda, JobSizeDistribution.Fixed(1), targets, SeedStreams.Create(7, "arrival-times"), SeedStreams.Create(7, "arrivals"));
        // Deadlines far away: nothing is dropped or late, so this is a plain FIFO M/D/1 queue.
        var settings = new SimulationSettings { SlackSeconds = 1e9 };
        var simulation = new Simulation(settings, new AllModalitiesTestPolicy(truth), new ProfileReplayExecutor(truth, 0, new Random(1)),
            arrivals, truth, FrozenClock.Instance);

        RunSummary summary = simulation.Run().Summary;

        Assert.InRange(summary.SubmittedJobs, expectedJobs * 0.99, expectedJobs * 1.01);
        Assert.Equal(summary.SubmittedJobs, summary.MetJobs);
        double measuredWait = summary.JctMeanSeconds - service;
        double pkWait = rho * service / (2 * (1 - rho));
        Assert.InRange(measuredWait / pkWait, 0.97, 1.03);
    }
}
