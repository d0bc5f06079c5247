namespace Mosel.Sim.Engine;

/// <summary>What a simulation event does; at equal times the lower value fires first.</summary>
internal enum EventKind
{
    WorkerDone = 0,
    SchedulerFree = 1,
    Arrival = 2,
    MonitorTick = 3,
}
