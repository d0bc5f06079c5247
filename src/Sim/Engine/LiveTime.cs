using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>
/// A live replay: arrivals wait for the host's clock, jobs run on the service's workers while the scheduler keeps
/// working, and the engine waits for the next event or completion, whichever comes first.
/// </summary>
internal sealed class LiveTime(IRealTimeService service) : ITimeDriver
{
    public void Begin() => service.BeginReplay();

    public double? Start(int worker, Job job, double now, Precision precision)
    {
        service.Start(worker, job);
        return null;
    }

    /// <summary>
    /// Whether a running job completed before <paramref name="untilSeconds"/> (the next event, or the end of the
    /// run); when none did, <paramref name="now"/> moves to where the host's clock stopped waiting.
    /// </summary>
    public bool TryCompletion(double untilSeconds, bool anyRunning, ref double now, out int worker, out double finishSeconds)
    {
        if (double.IsPositiveInfinity(untilSeconds) && !anyRunning)
        {
            worker = -1;
            finishSeconds = double.NaN;
            return false;
        }
        if (service.WaitForCompletion(untilSeconds, out worker, out finishSeconds))
        {
            return true;
        }
        now = Math.Max(now, Math.Min(untilSeconds, service.Now));
        return false;
    }

    public bool Waits(bool anyRunning, double now, double stopAt) => anyRunning && now < stopAt;

    // Work may lag behind the schedule: an event is handled when the host gets to it.
    public double EventTime(double scheduledSeconds) => Math.Max(scheduledSeconds, service.Now);
}
