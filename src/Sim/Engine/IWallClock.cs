namespace Mosel.Sim.Engine;

/// <summary>
/// The wall clock, supplied by the host: the engine itself never reads it, so a run that charges no
/// measured time is fully deterministic.
/// </summary>
public interface IWallClock
{
    long GetTimestamp();

    double ElapsedSeconds(long startTimestamp);
}
