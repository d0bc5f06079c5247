using Mosel.Sim.Metrics;

namespace Mosel.Sim.Tests;

/// <summary>The histogram's bin lookup without a logarithm gives exactly the bin the logarithm rule gives.</summary>
public sealed class LogBinsTests
{
    [Fact]
    public void TheLookupGivesTheRulesBinForValuesAcrossTheRange()
    {
        var random = new Random(11);
        for (int i = 0; i < 2_000_000; i++)
        {
            // Log-uniform from 1 µs to 10^6 s (past the top bin).
            double value = LogBins.Smallest * Math.Pow(10, random.NextDouble() * 12);
            Assert.Equal(LogBins.ByRule(value), LogBins.Of(value));
        }
    }

    [Fact]
    public void TheLookupGivesTheRulesBinOnEitherSideOfEveryEdge()
    {
        // For every bin k, the values around where the rule turns to k: the closed-form edge and 64 ULPs either side.
        double growth = Math.Log(1.001);
        for (int k = 1; k < LogBins.Count; k++)
        {
            double x = LogBins.Smallest * Math.Exp(k * growth);
            for (int step = 0; step < 64; step++)
            {
                x = Math.BitDecrement(x);
            }
            for (int step = 0; step < 128; step++, x = Math.BitIncrement(x))
            {
                if (x >= LogBins.Smallest && LogBins.ByRule(x) != LogBins.Of(x))
                {
                    Assert.Fail($"bin {k}: {x:R} is in bin {LogBins.ByRule(x)} by the rule, {LogBins.Of(x)} by the lookup");
                }
            }
        }
        Assert.Equal(0, LogBins.Of(LogBins.Smallest));
        Assert.Equal(LogBins.Count - 1, LogBins.Of(1e9));
        Assert.Equal(LogBins.Count - 1, LogBins.Of(double.MaxValue));
    }

    [Fact]
    public void ThreadsLookingUpAtOnceGetTheRulesBins()
    {
        // Parallel runs share the tables, which are worked out per power of two on first use: every thread, every value.
        int wrong = 0;
        Parallel.For(0, 8, thread =>
        {
            var random = new Random(100 + thread);
            for (int i = 0; i < 200_000; i++)
            {
                double value = LogBins.Smallest * Math.Pow(10, random.NextDouble() * 12);
                if (LogBins.Of(value) != LogBins.ByRule(value))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });
        Assert.Equal(0, wrong);
    }
}
