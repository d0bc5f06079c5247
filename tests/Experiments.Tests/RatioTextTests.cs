using Mosel.Experiments.Reproduction;

namespace Mosel.Experiments.Tests;

public sealed class RatioTextTests
{
    [Fact]
    public void ARatioShowsWhatItDividesAndANearZeroOrUndefinedSideIsNamedNotDivided()
    {
        Assert.Equal("2.34× (131.2 at 120 ÷ 56.0 at 60 req/s)", RatioText.Format(131.2, 56.0, "req/s", "the baseline collapses", " at 120", " at 60"));
        Assert.Equal("unbounded (80.3 ÷ 0.0 req/s: the baseline collapses)", RatioText.Format(80.3, 0.04, "req/s", "the baseline collapses"));
        Assert.Equal(double.PositiveInfinity, RatioText.Value(80.3, 0.04));
        Assert.Equal("undefined (NaN ÷ 31.7 ms)", RatioText.Format(double.NaN, 31.7, "ms", "unused"));
        Assert.True(double.IsNaN(RatioText.Value(45.6, double.NaN)));
    }
}
