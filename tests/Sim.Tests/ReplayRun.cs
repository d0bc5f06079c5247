using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>One engine run as the engine tests want it: the profile replayed without noise, a frozen wall clock, every job and decision recorded.</summary>
internal static class ReplayRun
{
    public static (RunResult Result, ListRecorder Recorder) Run(ISchedulingPolicy policy, LatencyModel truth, SimulationSettings settings,
        IArrivalSource arrivals, IRealTimeService? live = null)
    {
        var recorder = new ListRecorder();
        var simulation = new Simulation(settings, policy, new ProfileReplayExecutor(truth, 0, new Random(1)), arrivals, truth,
            FrozenClock.Instance, recorder, live);
        return (simulation.Run(), recorder);
    }
}
