using Mosel.Experiments.Configuration;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Tests;

public sealed class TraceFileTests
{
    /// <summary>The two example lines docs/studies.md gives of every trace format are read as it says: the requests they hold, over the span they cover.</summary>
    [Theory]
    [InlineData("per_second", 107, 2)]
    [InlineData("per_minute", 1513, 60)]
    [InlineData("per_hour", 337_400, 7200)]
    [InlineData("timestamps", 2, 1)]
    [InlineData("time_value", double.NaN, 20)]
    public void TheDocsTraceExamplesReadAsTheySay(string format, double requests, double seconds)
    {
        string row = File.ReadLines(Repo.PathOf("docs/studies.md")).Single(l => l.StartsWith($"| `{format}` |", StringComparison.Ordinal));
        string[] lines = row.Split('|')[2].Split("<br>").Select(cell => cell.Trim().Trim('`')).ToArray();
        using var scratch = new Scratch();
        ArrivalTrace trace = TraceFile.Load(scratch.File($"{format}.txt", string.Join('\n', lines) + "\n"), TraceFormatNames.ByName[format]);
        Assert.Equal(seconds, trace.DurationSeconds);
        if (!double.IsNaN(requests))
        {
            Assert.Equal(requests, trace.Rates.Sum() * trace.BinSeconds, 6);
        }
    }

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
