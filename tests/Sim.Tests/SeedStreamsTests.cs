using MathNet.Numerics.Random;
using Mosel.Sim.Randomness;

namespace Mosel.Sim.Tests;

/// <summary>
/// Seed derivation against values computed outside Mosel: SplitMix64 (Vigna's reference; its first output from state 0
/// is the published 0xE220A8397B1DCDAF) and FNV-1a, by an independent 20-line Python port.
/// </summary>
public sealed class SeedStreamsTests
{
    [Theory]
    [InlineData(0UL, 0xE220A8397B1DCDAFUL)]
    [InlineData(1UL, 10451216379200822465UL)]
    [InlineData(12345UL, 2454886589211414944UL)]
    public void SplitMix64MatchesTheReference(ulong input, ulong expected)
    {
        Assert.Equal(expected, SeedStreams.SplitMix64(input));
    }

    [Theory]
    [InlineData(1UL, "arrivals", 9260211835013551446UL, 1784362191)]
    [InlineData(42UL, "noise", 9188147584848975902UL, 1431012242)]
    [InlineData(0UL, "", 2448385507222971125UL, -1362687152)]
    public void EachPurposeGetsItsOwnStreamFromTheMasterSeed(ulong master, string purpose, ulong derived, int folded)
    {
        // derived = SplitMix64(master ^ SplitMix64(FNV-1a(purpose))); the generator's 32-bit seed folds its two halves.
        Assert.Equal(derived, SeedStreams.Derive(master, purpose));
        Random stream = SeedStreams.Create(master, purpose);
        var reference = new Xoshiro256StarStar(folded, threadSafe: false);
        Assert.Equal(Enumerable.Range(0, 8).Select(_ => reference.NextDouble()), Enumerable.Range(0, 8).Select(_ => stream.NextDouble()));
    }
}
