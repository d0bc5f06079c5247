using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Offline;

/// <summary>
/// The exact offline solver. A dynamic programme over configurations keeps, for every number of
/// requests n, the Pareto set of (accuracy sum, latency) over all ways to split n requests among the
/// configurations seen so far; after the last configuration the set for n = B is exactly the set of
/// optimal strategies of size B, one per distinct optimal accuracy. Every cell of every row is then a
/// lookup.
/// </summary>
public sealed class ParetoStrategySolver : IStrategySolver
{
    public string Name => "exact";

    public Strategy? Solve(LatencyModel latency, int size, double target) =>
        new StrategyRow(size, Frontiers(latency, size)[size]).Cheapest(target);

    /// <summary>Pareto rows for every size 1..<paramref name="maxSize"/> (index 0 unused).</summary>
    public static IReadOnlyList<Strategy>[] Frontiers(LatencyModel latency, int maxSize)
    {
        int configs = latency.ConfigurationCount;
        ModelProfile profile = latency.Profile;
        var fronts = new List<Point>[maxSize + 1];
        fronts[0] = [new Point(0, 0, new int[configs])];
        for (int n = 1; n <= maxSize; n++)
        {
            fronts[n] = [];
        }
        var candidates = new List<Candidate>();
        for (int c = 0; c < configs; c++)
        {
            double accuracy = profile.Configurations[c].Accuracy;
            var next = new List<Point>[maxSize + 1];
            for (int n = 0; n <= maxSize; n++)
            {
                // A candidate is a point of an earlier front plus k requests of configuration c; its counts are copied
                // only if it survives the pruning (most do not).
                candidates.Clear();
                for (int k = 0; k <= n; k++)
                {
                    double seconds = latency.Seconds(c, k);
                    foreach (Point p in fronts[n - k])
                    {
                        candidates.Add(new Candidate(p.AccuracySum + (k * accuracy), p.Seconds + seconds, p.Counts, k));
                    }
                }
                next[n] = Prune(candidates, c);
            }
            fronts = next;
        }
        var rows = new IReadOnlyList<Strategy>[maxSize + 1];
        rows[0] = [];
        for (int n = 1; n <= maxSize; n++)
        {
            rows[n] = fronts[n].Select(p => new Strategy(p.Counts, p.AccuracySum / n, p.Seconds)).ToArray();
        }
        return rows;
    }

    /// <summary>
    /// Keeps points whose accuracy strictly beats every cheaper point; equal accuracies keep the cheapest; equal latency
    /// and accuracy keep the split with more requests on the earlier configurations.
    /// </summary>
    private static List<Point> Prune(List<Candidate> candidates, int configuration)
    {
        candidates.Sort((a, b) =>
        {
            int bySeconds = a.Seconds.CompareTo(b.Seconds);
            if (bySeconds != 0)
            {
                return bySeconds;
            }
            int byAccuracy = b.AccuracySum.CompareTo(a.AccuracySum);
            return byAccuracy != 0 ? byAccuracy : CompareCounts(a, b, configuration);
        });
        var kept = new List<Point>();
        double best = double.NegativeInfinity;
        foreach (Candidate p in candidates)
        {
            // Among equal latencies the most accurate comes first, so later ones fail this test.
            if (p.AccuracySum > best + StrategyRow.Tolerance)
            {
                int[] counts = (int[])p.ParentCounts.Clone();
                counts[configuration] = p.Requests;
                kept.Add(new Point(p.AccuracySum, p.Seconds, counts));
                best = p.AccuracySum;
            }
        }
        return kept;
    }

    /// <summary>
    /// Larger counts first, configuration by configuration: the parents' counts up to <paramref name="configuration"/>,
    /// then the candidates' own requests (later configurations are 0 in both).
    /// </summary>
    private static int CompareCounts(Candidate a, Candidate b, int configuration)
    {
        for (int i = 0; i < configuration; i++)
        {
            int c = b.ParentCounts[i].CompareTo(a.ParentCounts[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return b.Requests.CompareTo(a.Requests);
    }

    private readonly record struct Point(double AccuracySum, double Seconds, int[] Counts);

    /// <summary>A point of an earlier front (its counts) plus <see cref="Requests"/> requests of the configuration being added.</summary>
    private readonly record struct Candidate(double AccuracySum, double Seconds, int[] ParentCounts, int Requests);
}
