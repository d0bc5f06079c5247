using Mosel.Experiments.Configuration;
using Mosel.Experiments.Safety;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Tests;

internal static class RandomProfiles
{
    public static ModelProfile Tvlt { get; } = ProfileFile.Load(RepoPaths.Resolve("profiles/tvlt.h100-interim.yaml"));

    /// <summary>
    /// A random profile with 2..4 modalities: accuracies with 4 decimals and latencies in whole
    /// microseconds (so integer solvers see the same numbers), monotone in batch size.
    /// </summary>
    public static ModelProfile Create(Random random, int modalities, int maxBatch)
    {
        string[] names = Enumerable.Range(0, modalities).Select(i => $"m{i}").ToArray();
        var accuracy = new Dictionary<string, double>();
        var tables = new Dictionary<string, LatencyTable>();
        int[] sizes = new[] { 1, 2, 4, 8, 16 }.Where(s => s < maxBatch).Append(maxBatch).ToArray();
        for (int mask = 1; mask < (1 << modalities); mask++)
        {
            string config = string.Join('+', names.Where((_, i) => (mask & (1 << i)) != 0));
            accuracy[config] = Math.Round(0.4 + (0.5 * random.NextDouble()), 4);
            double perRequestUs = 500 + (random.NextDouble() * 20_000);
            double fixedUs = random.NextDouble() * 5_000;
            double[] ms = sizes.Select(b => Math.Round(fixedUs + (perRequestUs * b * (0.6 + (0.4 * random.NextDouble())))) / 1000).ToArray();
            for (int i = 1; i < ms.Length; i++)
            {
                ms[i] = Math.Max(ms[i], ms[i - 1]);
            }
            tables[config] = LatencyTable.Create(config, sizes, ms);
        }
        return ModelProfile.Create("random", names, AccuracyMetric.Default, accuracy,
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>> { [Precision.Fp32] = tables }, "test", "random");
    }
}
