using System.Diagnostics;
using Mosel.Sim.Engine;

namespace Mosel.Experiments.Running;

/// <summary>The real wall clock, for decision timing.</summary>
public sealed class StopwatchClock : IWallClock
{
    public static StopwatchClock Instance { get; } = new();

    public long GetTimestamp() => Stopwatch.GetTimestamp();

    public double ElapsedSeconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
}
