using MathNet.Numerics.Random;

namespace Mosel.Sim.Randomness;

/// <summary>
/// Derives one independent random stream per purpose from a master seed, so that adding a draw
/// for one purpose (say, noise) never shifts the draws of another (say, arrivals).
/// </summary>
public static class SeedStreams
{
    public static ulong Derive(ulong masterSeed, string purpose)
    {
        // FNV-1a over the purpose name: stable across processes, unlike string.GetHashCode().
        ulong hash = 14695981039346656037UL;
        foreach (char ch in purpose)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return SplitMix64(masterSeed ^ SplitMix64(hash));
    }

    public static System.Random Create(ulong masterSeed, string purpose)
    {
        ulong derived = Derive(masterSeed, purpose);
        int seed = unchecked((int)(derived ^ (derived >> 32)));
        return new Xoshiro256StarStar(seed, threadSafe: false);
    }

    public static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
