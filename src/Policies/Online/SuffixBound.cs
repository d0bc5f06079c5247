namespace Mosel.Policies.Online;

/// <summary>
/// Upper bounds for branch and bound in the multiple-choice knapsack: for the jobs from some index to the
/// end, the LP relaxation's best accuracy sum within a remaining capacity. Each job contributes its
/// cheapest cell plus the segments of its upper concave hull; taking segments by decreasing slope
/// (accuracy per unit of latency) until the capacity runs out, the last one fractionally, bounds every
/// integral plan from above.
/// </summary>
/// <remarks>
/// Built anew for every solve into buffers that are kept between solves (a decision runs millions of times in a
/// simulation; allocating per decision cost more than the search). Not for use by two solves at once.
/// </remarks>
internal sealed class SuffixBound
{
    private long[] _baseWeight = [];
    private double[] _baseAccuracy = [];
    // Suffix j's cumulative hull-segment sums (weight and accuracy, steepest segment first, starting at 0) lie
    // back to back in one pair of arrays, at _start[j] for _length[j] entries.
    private int[] _start = [];
    private int[] _length = [];
    private long[] _cumulativeWeight = [];
    private double[] _cumulativeAccuracy = [];
    private Segment[] _sorted = [];
    private Segment[] _merged = [];
    private Segment[] _added = [];
    private int[] _hull = [];

    /// <summary>Builds the bounds for <paramref name="items"/> jobs whose choices lie in the packed arrays at <paramref name="offsets"/>.</summary>
    /// <param name="weights">Every job's choices' grid weights, job j's at offsets[j] .. offsets[j + 1].</param>
    /// <param name="accuracies">The same choices' accuracies.</param>
    public void Build(int items, ReadOnlySpan<int> offsets, ReadOnlySpan<long> weights, ReadOnlySpan<double> accuracies)
    {
        int n = items;
        int totalChoices = offsets[n];
        ScratchArray.Grow(ref _baseWeight, n + 1);
        ScratchArray.Grow(ref _baseAccuracy, n + 1);
        ScratchArray.Grow(ref _start, n + 1);
        ScratchArray.Grow(ref _length, n + 1);
        ScratchArray.Grow(ref _sorted, totalChoices);
        ScratchArray.Grow(ref _merged, totalChoices);
        ScratchArray.Grow(ref _added, totalChoices);
        ScratchArray.Grow(ref _hull, totalChoices);
        _baseWeight[n] = 0;
        _baseAccuracy[n] = 0;
        ScratchArray.Grow(ref _cumulativeWeight, 1);
        ScratchArray.Grow(ref _cumulativeAccuracy, 1);
        _start[n] = 0;
        _length[n] = 1;
        _cumulativeWeight[0] = 0;
        _cumulativeAccuracy[0] = 0;
        int used = 1;
        int sortedCount = 0;
        for (int j = n - 1; j >= 0; j--)
        {
            ReadOnlySpan<long> w = weights[offsets[j]..offsets[j + 1]];
            ReadOnlySpan<double> a = accuracies[offsets[j]..offsets[j + 1]];
            int start = Hull(w, a, out int addedCount);
            _baseWeight[j] = _baseWeight[j + 1] + w[start];
            _baseAccuracy[j] = _baseAccuracy[j + 1] + a[start];
            // Steepest first: merge this job's (hull-ordered, already decreasing) segments into the suffix's.
            int mergedCount = 0;
            int p = 0;
            int q = 0;
            while (p < sortedCount || q < addedCount)
            {
                _merged[mergedCount++] = q == addedCount || (p < sortedCount && Steeper(_sorted[p], _added[q])) ? _sorted[p++] : _added[q++];
            }
            (_sorted, _merged) = (_merged, _sorted);
            sortedCount = mergedCount;
            ScratchArray.GrowKeeping(ref _cumulativeWeight, used, used + sortedCount + 1);
            ScratchArray.GrowKeeping(ref _cumulativeAccuracy, used, used + sortedCount + 1);
            _start[j] = used;
            _length[j] = sortedCount + 1;
            _cumulativeWeight[used] = 0;
            _cumulativeAccuracy[used] = 0;
            for (int i = 0; i < sortedCount; i++)
            {
                _cumulativeWeight[used + i + 1] = _cumulativeWeight[used + i] + _sorted[i].Weight;
                _cumulativeAccuracy[used + i + 1] = _cumulativeAccuracy[used + i] + _sorted[i].Accuracy;
            }
            used += sortedCount + 1;
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
        ReadOnlySpan<long> cw = _cumulativeWeight.AsSpan(_start[from], _length[from]);
        ReadOnlySpan<double> ca = _cumulativeAccuracy.AsSpan(_start[from], _length[from]);
        // The last prefix of segments that fits whole (cw[0] = 0 always fits; the sums strictly increase).
        int lo = 0;
        int hi = cw.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (cw[mid] <= spare)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (cw[lo] == spare || lo == cw.Length - 1)
        {
            return _baseAccuracy[from] + ca[lo];
        }
        double fraction = (double)(spare - cw[lo]) / (cw[lo + 1] - cw[lo]);
        return _baseAccuracy[from] + ca[lo] + (fraction * (ca[lo + 1] - ca[lo]));
    }

    private static bool Steeper(Segment a, Segment b) => a.Accuracy * b.Weight >= b.Accuracy * a.Weight;

    private readonly record struct Segment(long Weight, double Accuracy);

    /// <summary>Writes the job's upper-hull segments to the start of _added; returns the hull's starting choice.</summary>
    private int Hull(ReadOnlySpan<long> weights, ReadOnlySpan<double> accuracies, out int segments)
    {
        int start = 0;
        while (start + 1 < weights.Length && weights[start + 1] == weights[start])
        {
            start++;
        }
        // Later equal weights need no case of their own: accuracies strictly increase along a row, so the convexity test
        // below always drops an earlier cell of the same weight (left = 0 < right).
        int count = 0;
        _hull[count++] = start;
        for (int k = start + 1; k < weights.Length; k++)
        {
            while (count >= 2)
            {
                int a = _hull[count - 2];
                int b = _hull[count - 1];
                // Drop b when it lies on or under the segment a -> k (slopes must decrease).
                double left = (accuracies[b] - accuracies[a]) * (weights[k] - weights[b]);
                double right = (accuracies[k] - accuracies[b]) * (weights[b] - weights[a]);
                if (left <= right)
                {
                    count--;
                }
                else
                {
                    break;
                }
            }
            _hull[count++] = k;
        }
        for (int i = 1; i < count; i++)
        {
            _added[i - 1] = new Segment(weights[_hull[i]] - weights[_hull[i - 1]], accuracies[_hull[i]] - accuracies[_hull[i - 1]]);
        }
        segments = count - 1;
        return start;
    }
}
