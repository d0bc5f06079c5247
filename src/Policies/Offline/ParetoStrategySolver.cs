using Mosel.Sim.Engine;
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
        for (int c = 0; c < configs; c++)
        {
            double accuracy = profile.Configurations[c].Accuracy;
            var next = new List<Point>[maxSize + 1];
            for (int n = 0; n <= maxSize; n++)
            {
                var candidates = new List<Point>();
                for (int k = 0; k <= n; k++)
                {
                    double seconds = latency.Seconds(c, k);
                    foreach (Point p in fronts[n - k])
                    {
                        int[] counts = (int[])p.Counts.Clone();
                        counts[c] = k;
                        candidates.Add(new Point(p.AccuracySum + (k * accuracy), p.Seconds + seconds, counts));
                    }
                }
                next[n] = Prune(candidates);
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

    /// <summary>Keeps points whose accuracy strictly beats every cheaper point; equal accuracies keep the cheapest.</summary>
    private static List<Point> Prune(List<Point> points)
    {
        points.Sort(static (a, b) =>
        {
            int bySeconds = a.Seconds.CompareTo(b.Seconds);
            if (bySeconds != 0)
            {
                return bySeconds;
            }
            int byAccuracy = b.AccuracySum.CompareTo(a.AccuracySum);
            return byAccuracy != 0 ? byAccuracy : CompareCounts(a.Counts, b.Counts);
        });
        var kept = new List<Point>();
        double best = double.NegativeInfinity;
        foreach (Point p in points)
        {
            // Among equal latencies the most accurate comes first, so later ones fail this test.
            if (p.AccuracySum > best + StrategyRow.Tolerance)
            {
                kept.Add(p);
                best = p.AccuracySum;
            }
        }
        return kept;
    }

    private static int CompareCounts(int[] a, int[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int c = b[i].CompareTo(a[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    private readonly record struct Point(double AccuracySum, double Seconds, int[] Counts);
}
