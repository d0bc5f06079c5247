using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>A reference-engine run on <see cref="TestProfiles.Linear"/> with a <see cref="HandPlanner"/> and no noise.</summary>
internal static class ReferenceRun
{
    public static LatencyModel Truth { get; } = new(TestProfiles.Linear(), Precision.Fp32);

    /// <summary>
    /// A (5 requests, 50 ms) at 0, then B, C, D (1 request, 10 ms each) created at 1 ms, and E at 55 ms: with slack 0 the
    /// heads go late while A runs (the scenario of the idle-path tests, worked out in ReferenceEngineTests).
    /// </summary>
    public static JobArrival[] LateHeads => [new(0, 5, 0.7), new(0.001, 1, 0.7), new(0.001, 1, 0.7), new(0.001, 1, 0.7), new(0.055, 1, 0.7)];

    /// <summary>No warm-ups and no monitor cost unless asked: the timelines in the tests are computed by hand.</summary>
    public static ReferenceSettings Settings(ReferenceMode mode, double slackMs) => new()
    {
        Mode = mode,
        SlackSeconds = slackMs / 1000,
        WarmUpJobs = 0,
        MaximizeLoopSeconds = 0,
        NoPolicyLoopSeconds = 0,
        SolveOverheadSeconds = 0,
        SolveSeconds = 0.001,
    };

    public static (RunResult Result, ListRecorder Recorder) Run(ReferenceSettings settings, HandPlanner planner, params JobArrival[] arrivals) =>
        Run(settings, planner, FrozenClock.Instance, arrivals.Length == 0 ? 1 : arrivals[^1].ArrivalSeconds + 1e-3, arrivals);

    /// <param name="endSeconds">Where the offered window ends (the last job's submission is counted there).</param>
    public static (RunResult Result, ListRecorder Recorder) Run(ReferenceSettings settings, HandPlanner planner, IWallClock clock, double endSeconds,
        params JobArrival[] arrivals)
    {
        var recorder = new ListRecorder();
        var simulation = new ReferenceSimulation(settings, planner, new ProfileReplayExecutor(Truth, 0, new Random(1)),
            new ListArrivals(endSeconds, arrivals), Truth, clock, recorder);
        return (simulation.Run(), recorder);
    }

    public static JobRecord Job(this ListRecorder recorder, int id) => recorder.Jobs.Single(j => j.Id == id);
}
