using MathNet.Numerics.Statistics;

namespace Mosel.Experiments.Profiling;

/// <summary>
/// A 95 % interval for an accuracy whose samples come in clusters (a digits dataset's five samples of one utterance):
/// the percentile bootstrap over clusters — draw as many clusters as there are, with replacement, and take the share right
/// among their samples — so that samples which agree because they share an utterance count once, not five times.
/// </summary>
public static class ClusteredInterval
{
    public const int Resamples = 2000;

    /// <param name="right">Whether each sample was answered right.</param>
    /// <param name="cluster">Each sample's cluster, in the same order.</param>
    /// <param name="seed">The bootstrap's seed: the same data and seed give the same interval.</param>
    public static (double Low, double High) Bootstrap(IReadOnlyList<bool> right, IReadOnlyList<string> cluster, int seed = 1, int resamples = Resamples)
    {
        if (right.Count == 0 || right.Count != cluster.Count)
        {
            throw new ArgumentException("one cluster per sample, at least one sample", nameof(cluster));
        }
        (int Right, int Samples)[] clusters = [.. right.Zip(cluster).GroupBy(p => p.Second, StringComparer.Ordinal)
            .Select(g => (g.Count(p => p.First), g.Count()))];
        var random = new Random(seed);
        var shares = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            int correct = 0;
            int samples = 0;
            for (int c = 0; c < clusters.Length; c++)
            {
                (int clusterRight, int clusterSamples) = clusters[random.Next(clusters.Length)];
                correct += clusterRight;
                samples += clusterSamples;
            }
            shares[r] = (double)correct / samples;
        }
        return (ArrayStatistics.QuantileInplace(shares, 0.025), ArrayStatistics.QuantileInplace(shares, 0.975));
    }
}
