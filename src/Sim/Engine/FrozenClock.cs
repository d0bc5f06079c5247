namespace Mosel.Sim.Engine;

/// <summary>A clock that never moves: for deterministic runs and tests.</summary>
public sealed class FrozenClock : IWallClock
{
    public static FrozenClock Instance { get; } = new();

    public long GetTimestamp() => 0;

    public double ElapsedSeconds(long startTimestamp) => 0;
}
