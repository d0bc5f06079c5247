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

/// <summary>A clock that never moves: for deterministic runs and tests.</summary>
public sealed class FrozenClock : IWallClock
{
    public static FrozenClock Instance { get; } = new();

    public long GetTimestamp() => 0;

    public double ElapsedSeconds(long startTimestamp) => 0;
}
