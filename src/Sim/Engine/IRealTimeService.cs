using Mosel.Sim.Model;

namespace Mosel.Sim.Engine;

/// <summary>
/// Live replay (the host's wall clock): the engine hands a started job to the service, which runs it
/// concurrently and reports its completion later, and the engine waits on the service instead of jumping
/// to the next event. Implemented outside the simulator, which itself never reads a clock.
/// </summary>
public interface IRealTimeService
{
    /// <summary>Seconds since <see cref="BeginReplay"/>, on the host's clock.</summary>
    double Now { get; }

    /// <summary>Sets the replay's time zero: called once, when the run's first arrival is due, after all set-up.</summary>
    void BeginReplay();

    /// <summary>Starts running <paramref name="job"/> on <paramref name="worker"/>; returns at once.</summary>
    void Start(int worker, Job job);

    /// <summary>
    /// Blocks until a started job completes or the clock reaches <paramref name="untilSeconds"/>, whichever is
    /// first; reports the completion (worker and finish time in replay seconds) if there was one.
    /// </summary>
    bool WaitForCompletion(double untilSeconds, out int worker, out double finishSeconds);
}
