using Mosel.Experiments.Configuration;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Tests;

public sealed class TraceFileTests
{
    /// <summary>The last trace read is kept for the next config that names the same file, but never past a change of its bytes (same length, same second).</summary>
    [Fact]
    public void TheSameFileIsParsedOnceAndAChangedOneAgain()
    {
        using var scratch = new Scratch();
        string path = scratch.File("trace.txt", "5\n7\n");
        ArrivalTrace first = TraceFile.Load(path, TraceFormat.PerSecond);
        Assert.Same(first, TraceFile.Load(path, TraceFormat.PerSecond));
        File.WriteAllText(path, "9\n7\n");
        ArrivalTrace changed = TraceFile.Load(path, TraceFormat.PerSecond);
        Assert.NotSame(first, changed);
        Assert.Equal([9.0, 7.0], changed.Rates);
        Assert.Equal([5.0, 7.0], first.Rates);
    }
}
