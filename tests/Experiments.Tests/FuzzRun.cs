namespace Mosel.Experiments.Tests;

/// <summary>
/// The size and seed of the property-based fuzz: 300 cases from seed 20261207 unless MOSEL_FUZZ_CASES and MOSEL_FUZZ_SEED
/// say otherwise, so every CI run tries the same cases and a failure repeats from the seed its output prints. A nightly
/// run sets MOSEL_FUZZ_CASES=10000 (and may vary the seed).
/// </summary>
internal static class FuzzRun
{
    public const ulong DefaultSeed = 20261207;

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("MOSEL_FUZZ_CASES"), out int n) && n > 0 ? n : 300;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("MOSEL_FUZZ_SEED"), out ulong s) ? s : DefaultSeed;

    /// <summary>A line of the fuzz's outcome: to the test's output, and appended to the file MOSEL_FUZZ_REPORT names (for a nightly run's log).</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("MOSEL_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + "\n");
        }
    }
}
