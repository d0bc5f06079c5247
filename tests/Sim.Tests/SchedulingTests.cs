using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

public sealed class SchedulingTests
{
    private static (RunSummary Summary, ListRecorder Recorder) Run(ModelProfile profile, SimulationSettings settings, params JobArrival[] arrivals)
    {
        var truth = new LatencyModel(profile, Precision.Fp32);
        (RunResult result, ListRecorder recorder) = ReplayRun.Run(new AllModalitiesTestPolicy(truth), truth, settings, new ListArrivals(10, arrivals));
        return (result.Summary, recorder);
    }

    [Fact]
    public void EdfQueuePopsByDeadlineThenId()
    {
        var random = new Random(11);
        var queue = new EdfQueue();
        ModelProfile profile = TestProfiles.Constant(1);
        Strategy strategy = Strategy.Uniform(0, 1, new LatencyModel(profile, Precision.Fp32));
        var jobs = Enumerable.Range(0, 500).Select(i => new Job(i, 0, 1, Math.Round(random.NextDouble() * 20) / 4, 0, strategy)).ToList();
        foreach (Job job in jobs)
        {
            queue.Add(job);
        }
        Assert.Equal(jobs.OrderBy(j => j.DeadlineSeconds).ThenBy(j => j.Id).Select(j => j.Id), queue.Select(j => j.Id));
        var popped = new List<int>();
        while (queue.Count > 0)
        {
            popped.Add(queue.PopHead().Id);
        }
        Assert.Equal(jobs.OrderBy(j => j.DeadlineSeconds).ThenBy(j => j.Id).Select(j => j.Id), popped);
    }

    [Fact]
    public void WaitingJobsRunEarliestDeadlineFirstNotFifo()
    {
        // Linear profile: L(B) = 10 ms x B. Job 0 occupies the worker for 100 ms; job 1 (size 8, deadline 0.01+0.08+slack)
        // arrives before job 2 (size 1, deadline 0.02+0.01+slack), but job 2's deadline is earlier, so it runs first.
        var settings = new SimulationSettings { SlackSeconds = 1, GraceSeconds = 0 };
        (_, ListRecorder recorder) = Run(TestProfiles.Linear(), settings,
            new JobArrival(0, 10, 0), new JobArrival(0.01, 8, 0), new JobArrival(0.02, 1, 0));
        JobRecord first = recorder.Jobs.Single(j => j.Id == 1);
        JobRecord second = recorder.Jobs.Single(j => j.Id == 2);
        Assert.True(second.StartSeconds < first.StartSeconds);
        Assert.Equal(0.1, second.StartSeconds, 9);
        Assert.Equal(0.11, first.StartSeconds, 9);
    }

    [Fact]
    public void WorkerDropsAJobThatCannotFinishWithinDeadlinePlusGrace()
    {
        // Constant 100 ms service, slack 50 ms, grace 12 ms. Job 1 arrives at 0.01: deadline 0.16; it could start at 0.1,
        // finish at 0.2 > 0.16 + 0.012, so it is dropped at 0.1 without running.
        var settings = new SimulationSettings { SlackSeconds = 0.05, GraceSeconds = 0.012 };
        (RunSummary summary, ListRecorder recorder) = Run(TestProfiles.Constant(100), settings,
            new JobArrival(0, 1, 0), new JobArrival(0.01, 1, 0));
        JobRecord dropped = recorder.Jobs.Single(j => j.Id == 1);
        Assert.Equal(JobOutcome.Dropped, dropped.Outcome);
        Assert.Equal(0.1, dropped.FinishSeconds, 9);
        Assert.True(double.IsNaN(dropped.StartSeconds));
        Assert.Equal(1, summary.DroppedJobs);
    }

    [Fact]
    public void GraceLetsANearlyOnTimeJobRunAndFinishLate()
    {
        // Job 1 arrives at 0.06: deadline 0.06 + 0.1 + 0.05 = 0.21. It starts at 0.1 and would finish at 0.2... make it
        // tighter: arrival 0.005, deadline 0.155, finish 0.2 > 0.155 but start + estimate (0.2) <= 0.155 + 0.05 grace.
        var settings = new SimulationSettings { SlackSeconds = 0.05, GraceSeconds = 0.05 };
        (_, ListRecorder recorder) = Run(TestProfiles.Constant(100), settings, new JobArrival(0, 1, 0), new JobArrival(0.005, 1, 0));
        JobRecord late = recorder.Jobs.Single(j => j.Id == 1);
        Assert.Equal(JobOutcome.Late, late.Outcome);
        Assert.Equal(0.2, late.FinishSeconds, 9);
    }

    [Fact]
    public void EqualTimeEventsFireInInsertionOrder()
    {
        // Three jobs arrive at the same instant with the same deadline: ids (insertion order) decide.
        var settings = new SimulationSettings { SlackSeconds = 10 };
        (_, ListRecorder recorder) = Run(TestProfiles.Constant(10), settings,
            new JobArrival(0, 1, 0), new JobArrival(0, 1, 0), new JobArrival(0, 1, 0));
        Assert.Equal([0, 1, 2], recorder.Jobs.OrderBy(j => j.StartSeconds).Select(j => j.Id));
    }
}
