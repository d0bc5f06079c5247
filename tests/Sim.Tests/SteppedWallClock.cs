using Mosel.Sim.Engine;

namespace Mosel.Sim.Tests;

/// <summary>A wall clock on which every timed section takes the same fixed time.</summary>
internal sealed class SteppedWallClock(double elapsedSeconds) : IWallClock
{
    public long GetTimestamp() => 0;

    public double ElapsedSeconds(long startTimestamp) => elapsedSeconds;
}
