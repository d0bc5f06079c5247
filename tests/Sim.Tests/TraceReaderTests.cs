using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

public sealed class TraceReaderTests
{
    [Fact]
    public void PerSecondCountsAreRates()
    {
        ArrivalTrace trace = TraceText.Read("3\n0\n5\n", TraceFormat.PerSecond);
        Assert.Equal(1, trace.BinSeconds);
        Assert.Equal([3.0, 0, 5], trace.Rates);
    }

    [Fact]
    public void TimeValueSamplesAreInterpolatedToSeconds()
    {
        ArrivalTrace trace = TraceText.Read("0 10\n10 20\n20 40\n", TraceFormat.TimeValue);
        Assert.Equal(30, trace.Rates.Count);
        Assert.Equal(10, trace.Rates[0], 9);
        Assert.Equal(15, trace.Rates[5], 9);
        Assert.Equal(20, trace.Rates[10], 9);
        Assert.Equal(30, trace.Rates[15], 9);
        Assert.Equal(40, trace.Rates[25], 9);
    }

    [Fact]
    public void TimestampsAreBinnedPerSecond()
    {
        ArrivalTrace trace = TraceText.Read("TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:04.0000000,1,1\n2023-11-16 18:17:04.5000000,1,1\n2023-11-16 18:17:06.1234567,1,1\n",
            TraceFormat.Timestamps);
        Assert.Equal([2.0, 0, 1], trace.Rates);
    }

    [Fact]
    public void PerMinuteCountsBecomePerSecondRates()
    {
        ArrivalTrace trace = TraceText.Read("\"InvocationsPerMinute\"\n60\n120\n", TraceFormat.PerMinute);
        Assert.Equal(60, trace.BinSeconds);
        Assert.Equal([1.0, 2.0], trace.Rates);
        Assert.Equal(2.0, trace.RateAt(61));
    }

    [Fact]
    public void PerHourFillsGapsByInterpolation()
    {
        ArrivalTrace trace = TraceText.Read("2010-05-01 00:00:00;3600\n2010-05-01 02:00:00;10800\n", TraceFormat.PerHour);
        Assert.Equal(3600, trace.BinSeconds);
        Assert.Equal([1.0, 2.0, 3.0], trace.Rates);
    }

    [Theory]
    [InlineData("3\n-1\n", TraceFormat.PerSecond, "t.txt:2:", "non-negative")]
    [InlineData("3\nNaN\n", TraceFormat.PerSecond, "t.txt:2:", "finite")]
    [InlineData("3\n4\nabc\n", TraceFormat.PerSecond, "t.txt:3:", "not a number")]
    [InlineData("3\nInfinity\n", TraceFormat.PerSecond, "t.txt:2:", "finite")]
    [InlineData("", TraceFormat.PerSecond, "t.txt:", "no data")]
    [InlineData("0 1\n10 2\n5 3\n", TraceFormat.TimeValue, "t.txt:3:", "strictly increase")]
    [InlineData("0 1\n10 -2\n", TraceFormat.TimeValue, "t.txt:2:", "non-negative")]
    [InlineData("0 1 2\n", TraceFormat.TimeValue, "t.txt:1:", "expected 'seconds value'")]
    [InlineData("h\n2023-11-16 18:17:05.0,1\n2023-11-16 18:17:04.0,1\n", TraceFormat.Timestamps, "t.txt:3:", "back in time")]
    [InlineData("h\nyesterday,1\n", TraceFormat.Timestamps, "t.txt:2:", "not a timestamp")]
    [InlineData("\"InvocationsPerMinute\"\n5\nNaN\n", TraceFormat.PerMinute, "t.txt:3:", "finite")]
    [InlineData("2010-05-01 01:00:00;1\n2010-05-01 01:00:00;2\n", TraceFormat.PerHour, "t.txt:2:", "strictly increase")]
    [InlineData("2010-05-01 01:00:00;-4\n", TraceFormat.PerHour, "t.txt:1:", "non-negative")]
    public void MalformedTracesNameFileAndLine(string text, TraceFormat format, string where, string what)
    {
        TraceFormatException e = Assert.Throws<TraceFormatException>(() => TraceText.Read(text, format));
        Assert.StartsWith(where, e.Message);
        Assert.Contains(what, e.Message);
    }
}
