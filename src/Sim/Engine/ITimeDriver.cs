using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>
/// How a run's time advances: from event to event with service times known at dispatch (<see cref="VirtualTime"/>),
/// or on the host's clock with jobs running concurrently and reporting their completions (<see cref="LiveTime"/>, which
/// the engine also asks for them).
/// The engine's rules are the same under both.
/// </summary>
internal interface ITimeDriver
{
    /// <summary>Called once, after set-up, when the first arrival is due.</summary>
    void Begin();

    /// <summary>Starts a dispatched job; returns its finish time when it is known now, or null when the driver will report it (<see cref="LiveTime.TryCompletion"/>).</summary>
    double? Start(int worker, Job job, double now, Precision precision);

    /// <summary>Whether the run goes on with no event queued: running jobs still to report, before the end.</summary>
    bool Waits(bool anyRunning, double now, double stopAt);

    /// <summary>When an event scheduled for <paramref name="scheduledSeconds"/> is handled.</summary>
    double EventTime(double scheduledSeconds);
}
