using System.Text;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>
/// The trace readers' exact messages, their 366-day span limit at its boundary, how file text is quoted, and the
/// window and rescale rules of <see cref="TraceShape"/>. Every expected value is worked out by hand beside it.
/// </summary>
public sealed class TraceRuleTests
{
    private static string Refused(string text, TraceFormat format) =>
        Assert.Throws<TraceFormatException>(() => TraceText.Read(text, format)).Message;

    [Theory]
    [InlineData("", TraceFormat.PerSecond, "t.txt: no data")]
    [InlineData("# only a comment\n", TraceFormat.TimeValue, "t.txt: no data")]
    [InlineData("\n", TraceFormat.PerHour, "t.txt: no data")]
    [InlineData("h\n", TraceFormat.Timestamps, "t.txt: no data")]
    [InlineData("0 1\n0 2\n", TraceFormat.TimeValue, "t.txt:2: time must strictly increase (0 then 0)")]
    [InlineData("2010-05-01 01:00:00\n", TraceFormat.PerHour, "t.txt:1: expected 'timestamp;count', found 1 fields")]
    [InlineData("yesterday;3\n", TraceFormat.PerHour, "t.txt:1: 'yesterday' is not a timestamp (yyyy-MM-dd HH:mm:ss)")]
    [InlineData("3\nabc\u0001def\n", TraceFormat.PerSecond, "t.txt:2: 'abc?def' is not a number")]
    [InlineData("x\uFFFDy\n", TraceFormat.PerSecond, "t.txt:1: 'x?y' is not a number")]
    [InlineData("\uD83D\uDE00\n", TraceFormat.PerSecond, "t.txt:1: '??' is not a number")]
    [InlineData("0123456789012345678901234567890123456789z\n", TraceFormat.PerSecond, "t.txt:1: '0123456789012345678901234567890123456789…' is not a number")]
    [InlineData("012345678901234567890123456789012345678z\n", TraceFormat.PerSecond, "t.txt:1: '012345678901234567890123456789012345678z' is not a number")]
    public void EachProblemIsOneMessageNamingFileAndLine(string text, TraceFormat format, string expected)
    {
        Assert.Equal(expected, Refused(text, format));
    }

    [Fact]
    public void CommentsAndBlankLinesAreSkippedWhereverTheyAre()
    {
        ArrivalTrace trace = TraceText.Read("# rates\n\n3\n  # more\n4\n", TraceFormat.PerSecond);
        Assert.Equal([3.0, 4.0], trace.Rates);
    }

    [Fact]
    public void EqualTimestampsCountInTheSameSecond()
    {
        ArrivalTrace trace = TraceText.Read("h\n2023-11-16 18:17:05.0,1\n2023-11-16 18:17:05.0,1\n2023-11-16 18:17:06.5,1\n", TraceFormat.Timestamps);
        Assert.Equal([2.0, 1.0], trace.Rates);
    }

    [Fact]
    public void PerMinuteCountsMayCoverExactly366DaysAndNotOneMinuteMore()
    {
        // 527,040 minutes x 60 s = 31,622,400 s = 366 days exactly: allowed. One more line (the 527,041st value, on line
        // 527,042 after the header) spans 31,622,460 s.
        var text = new StringBuilder("\"InvocationsPerMinute\"\n");
        text.Insert(text.Length, "60\n", 527_040);
        Assert.Equal(31_622_400, TraceText.Read(text.ToString(), TraceFormat.PerMinute).DurationSeconds);
        text.Append("60\n");
        Assert.Equal("t.txt:527042: the trace spans 3.162e7 s by this line, more than the 366 days Mosel replays",
            Refused(text.ToString(), TraceFormat.PerMinute));
    }

    [Theory]
    [InlineData("0 1\n31622401 2\n", TraceFormat.TimeValue, "t.txt:2: the trace spans 3.162e7 s by this line, more than the 366 days Mosel replays")]
    [InlineData("h\n2020-01-01 00:00:00.0,1\n2021-01-01 00:00:01.0,1\n", TraceFormat.Timestamps,
        "t.txt:3: the trace spans 3.162e7 s by this line, more than the 366 days Mosel replays")]
    [InlineData("2010-01-01 00:00:00;1\n2011-01-02 00:00:00;1\n", TraceFormat.PerHour,
        "t.txt:2: the trace spans 3.163e7 s by this line, more than the 366 days Mosel replays")]
    public void EveryFormatRefusesMoreThan366Days(string text, TraceFormat format, string expected)
    {
        // Time-value: 31,622,401 s after the first sample. Timestamps: 2020 is a leap year, so 2021-01-01 00:00:01 is 366 days
        // and 1 s after 2020-01-01. Per hour: 2011-01-02 is 366 days after 2010-01-01, and the last hour holds for an hour: 31,626,000 s.
        Assert.Equal(expected, Refused(text, format));
    }

    [Fact]
    public void ASpanIsMeasuredFromTheFirstSampleNotFromZero()
    {
        // Samples at 31,622,000 s and 31,622,400 s span 400 s (plus one 400-s step for the last sample): 800 s of rates.
        ArrivalTrace trace = TraceText.Read("31622000 1\n31622400 2\n", TraceFormat.TimeValue);
        Assert.Equal(800, trace.DurationSeconds);
        // 365 days and 23 hours later, plus the last hour: exactly 366 days.
        Assert.Equal(8784, TraceText.Read("2010-01-01 00:00:00;1\n2011-01-01 23:00:00;1\n", TraceFormat.PerHour).Rates.Count);
    }

    [Fact]
    public void TimeValueSamplesHoldTheirLastValueForOneTypicalStep()
    {
        // Samples at 10 s and 20 s: step 10 s, so 20 s of rates from t = 10: 1 -> 3 linearly over [10, 20), then 3.
        ArrivalTrace trace = TraceText.Read("10 1\n20 3\n", TraceFormat.TimeValue);
        Assert.Equal(20, trace.Rates.Count);
        Assert.Equal(1.0, trace.Rates[0], 12);
        Assert.Equal(2.0, trace.Rates[5], 12);
        Assert.Equal(3.0, trace.Rates[10], 12);
        Assert.Equal(3.0, trace.Rates[19], 12);
    }

    [Fact]
    public void PerHourGapsAreInterpolatedBetweenTheirOwnNeighbours()
    {
        // Hours 0, 1 and 4 at 3600, 7200 and 18000 requests: 1, 2, then 3 and 4 filled between hour 1 (2) and hour 4 (5).
        ArrivalTrace trace = TraceText.Read("2010-05-01 00:00:00;3600\n2010-05-01 01:00:00;7200\n2010-05-01 04:00:00;18000\n", TraceFormat.PerHour);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], trace.Rates.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void ATraceNeedsAValueAndAPositiveBinAndClampsTimesOutsideIt()
    {
        Assert.Equal("a trace needs at least one value (Parameter 'rates')",
            Assert.Throws<ArgumentException>(() => new ArrivalTrace("t", 1, [])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalTrace("t", 0, [1]));
        var trace = new ArrivalTrace("t", 60, [1, 2, 3]);
        Assert.Equal((1.0, 1.0, 2.0, 3.0, 3.0), (trace.RateAt(-5), trace.RateAt(59.9), trace.RateAt(60), trace.RateAt(179), trace.RateAt(1e9)));
    }

    [Fact]
    public void AWindowMustLieInsideTheTrace()
    {
        var trace = new ArrivalTrace("t", 1, [1, 2, 3, 4]);
        Assert.Equal("window start 4 s must lie inside the trace (0..4 s)",
            Assert.Throws<ArgumentException>(() => new TraceShape(StartSeconds: 4).Apply(trace)).Message);
        Assert.Throws<ArgumentException>(() => new TraceShape(StartSeconds: -1).Apply(trace));
        Assert.Equal("window duration 3 s must be in (0, 2] s for a window starting at 2 s",
            Assert.Throws<ArgumentException>(() => new TraceShape(StartSeconds: 2, DurationSeconds: 3).Apply(trace)).Message);
        Assert.Throws<ArgumentException>(() => new TraceShape(DurationSeconds: 0).Apply(trace));
        Assert.Equal([3.0, 4.0], new TraceShape(StartSeconds: 2, DurationSeconds: 2).Apply(trace));   // exactly what is left
        Assert.Equal([3.0, 4.0], new TraceShape(StartSeconds: 2).Apply(trace));
    }

    [Fact]
    public void ASmoothingWindowOfOneChangesNothing()
    {
        var trace = new ArrivalTrace("t", 1, [0, 4, 0, 4]);
        Assert.Equal([0.0, 4.0, 0.0, 4.0], new TraceShape(SmoothSeconds: 1).Apply(trace));
        Assert.Equal([2.0, 4.0 / 3, 8.0 / 3, 2.0], new TraceShape(SmoothSeconds: 3).Apply(trace), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void RescalingNeedsSomethingToScaleAndAFlatWindowSitsMidRange()
    {
        var zero = new ArrivalTrace("t", 1, [0, 0]);
        Assert.Equal("cannot rescale a trace window whose rates are all zero",
            Assert.Throws<ArgumentException>(() => new TraceShape(Rescale: RescaleKind.Mean, TargetQps: 5).Apply(zero)).Message);
        var flat = new ArrivalTrace("t", 1, [2, 2]);
        Assert.Equal([15.0, 15.0], new TraceShape(Rescale: RescaleKind.Range, RangeMinQps: 10, RangeMaxQps: 20).Apply(flat));
        var tiny = new ArrivalTrace("t", 1, [1e-300, 3e-300]);
        // Mean 2e-300 scaled to 1.5: a factor of 7.5e299, however small the rates.
        Assert.Equal([0.75, 2.25], new TraceShape(Rescale: RescaleKind.Mean, TargetQps: 1.5).Apply(tiny), new ToleranceComparer(1e-12));
    }
}
