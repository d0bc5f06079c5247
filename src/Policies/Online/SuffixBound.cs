namespace Mosel.Policies.Online;

/// <summary>
/// Upper bounds for branch and bound in the multiple-choice knapsack: for the jobs from some index to the
/// end, the LP relaxation's best accuracy sum within a remaining capacity. Each job contributes its
/// cheapest cell plus the segments of its upper concave hull; taking segments by decreasing slope
/// (accuracy per unit of latency) until the capacity runs out, the last one fractionally, bounds every
/// integral plan from above.
/// </summary>
internal sealed class SuffixBound
{
    private readonly long[] _baseWeight;
    private readonly double[] _baseAccuracy;
    private readonly long[][] _cumulativeWeight;
    private readonly double[][] _cumulativeAccuracy;

    public SuffixBound(IReadOnlyList<OnlineItem> items, long[][] weights)
    {
        int n = items.Count;
        _baseWeight = new long[n + 1];
        _baseAccuracy = new double[n + 1];
        _cumulativeWeight = new long[n + 1][];
        _cumulativeAccuracy = new double[n + 1][];
        _cumulativeWeight[n] = [0];
        _cumulativeAccuracy[n] = [0];
        var sorted = new List<Segment>();
        var added = new List<Segment>();
        var merged = new List<Segment>();
        for (int j = n - 1; j >= 0; j--)
        {
            added.Clear();
            int start = Hull(items[j], weights[j], added);
            _baseWeight[j] = _baseWeight[j + 1] + weights[j][start];
            _baseAccuracy[j] = _baseAccuracy[j + 1] + items[j].Accuracy(start);
            // Steepest first: merge this job's (hull-ordered, already decreasing) segments into the suffix's.
            merged.Clear();
            int a = 0;
            int b = 0;
            while (a < sorted.Count || b < added.Count)
            {
                merged.Add(b == added.Count || (a < sorted.Count && Steeper(sorted[a], added[b])) ? sorted[a++] : added[b++]);
            }
            (sorted, merged) = (merged, sorted);
            var cw = new long[sorted.Count + 1];
            var ca = new double[sorted.Count + 1];
            for (int i = 0; i < sorted.Count; i++)
            {
                cw[i + 1] = cw[i] + sorted[i].Weight;
                ca[i + 1] = ca[i] + sorted[i].Accuracy;
            }
            _cumulativeWeight[j] = cw;
            _cumulativeAccuracy[j] = ca;
        }
    }

    /// <summary>Bound on the accuracy sum of jobs <paramref name="from"/>..end within <paramref name="capacity"/> grid units.</summary>
    public double Bound(int from, long capacity)
    {
        long spare = capacity - _baseWeight[from];
        if (spare < 0)
        {
            return double.NegativeInfinity;
        }
        long[] cw = _cumulativeWeight[from];
        double[] ca = _cumulativeAccuracy[from];
        int i = Array.BinarySearch(cw, spare);
        if (i >= 0)
        {
            return _baseAccuracy[from] + ca[i];
        }
        i = ~i - 1;
        if (i + 1 >= cw.Length)
        {
            return _baseAccuracy[from] + ca[^1];
        }
        double fraction = (double)(spare - cw[i]) / (cw[i + 1] - cw[i]);
        return _baseAccuracy[from] + ca[i] + (fraction * (ca[i + 1] - ca[i]));
    }

    private static bool Steeper(Segment a, Segment b) => a.Accuracy * b.Weight >= b.Accuracy * a.Weight;

    private readonly record struct Segment(long Weight, double Accuracy);

    /// <summary>Adds the item's upper-hull segments to <paramref name="segments"/>; returns the hull's starting choice.</summary>
    private static int Hull(OnlineItem item, long[] weights, List<Segment> segments)
    {
        int start = 0;
        while (start + 1 < weights.Length && weights[start + 1] == weights[start])
        {
            start++;
        }
        // Later equal weights need no case of their own: accuracies strictly increase along a row, so the convexity test
        // below always drops an earlier cell of the same weight (left = 0 < right).
        var hull = new List<int> { start };
        for (int k = start + 1; k < weights.Length; k++)
        {
            while (hull.Count >= 2)
            {
                int a = hull[^2];
                int b = hull[^1];
                // Drop b when it lies on or under the segment a -> k (slopes must decrease).
                double left = (item.Accuracy(b) - item.Accuracy(a)) * (weights[k] - weights[b]);
                double right = (item.Accuracy(k) - item.Accuracy(b)) * (weights[b] - weights[a]);
                if (left <= right)
                {
                    hull.RemoveAt(hull.Count - 1);
                }
                else
                {
                    break;
                }
            }
            hull.Add(k);
        }
        for (int i = 1; i < hull.Count; i++)
        {
            segments.Add(new Segment(weights[hull[i]] - weights[hull[i - 1]], item.Accuracy(hull[i]) - item.Accuracy(hull[i - 1])));
        }
        return start;
    }
}
