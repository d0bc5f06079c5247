using System.Diagnostics;

namespace Mosel.Experiments.Commands;

/// <summary>The warm-up every benchmark takes before its timed runs.</summary>
internal static class BenchmarkWarmUp
{
    /// <summary>
    /// Repeats <paramref name="work"/> for at least a second (at least once), so that what is timed next runs fully
    /// optimised code: the runtime recompiles a hot method in the background after many calls and a delay, and a warm-up
    /// of one run, one matrix or 50 solves timed the first, unoptimised code (a decision p99 several times too high, the
    /// first policy of bench sim at 19-130 ms in one sitting).
    /// </summary>
    public static void Run(Action work)
    {
        long started = Stopwatch.GetTimestamp();
        do
        {
            work();
        }
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < 1);
    }
}
