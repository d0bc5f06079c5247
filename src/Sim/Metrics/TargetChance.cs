namespace Mosel.Sim.Metrics;

/// <summary>
/// What the profile predicts for a scored job: the chance that its measured accuracy (correct / size) reaches its
/// target when each request is right independently with its configuration's profiled accuracy. The number right is
/// then Poisson-binomial; its distribution comes from a dynamic program over the job's requests (jobs hold tens).
/// </summary>
public static class TargetChance
{
    /// <summary>The tolerance every "meets its target" test in the metrics uses.</summary>
    public const double Tolerance = 1e-12;

    public static bool Meets(int correct, int size, double target) => (double)correct / size >= target - Tolerance;

    /// <param name="counts">Requests per configuration.</param>
    /// <param name="accuracies">Each configuration's chance that a request is right.</param>
    public static double Of(ReadOnlySpan<int> counts, IReadOnlyList<double> accuracies, double target)
    {
        int size = 0;
        foreach (int count in counts)
        {
            size += count;
        }
        int needed = 0;
        while (needed <= size && !Meets(needed, size, target))
        {
            needed++;
        }
        if (needed > size)
        {
            return 0;
        }
        // right[k]: the chance that k of the requests seen so far are right.
        Span<double> right = size < 256 ? stackalloc double[size + 1] : new double[size + 1];
        right.Clear();
        right[0] = 1;
        int seen = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            double p = accuracies[c];
            for (int r = 0; r < counts[c]; r++)
            {
                seen++;
                for (int k = seen; k > 0; k--)
                {
                    right[k] = (right[k] * (1 - p)) + (right[k - 1] * p);
                }
                right[0] *= 1 - p;
            }
        }
        double chance = 0;
        for (int k = needed; k <= size; k++)
        {
            chance += right[k];
        }
        return Math.Min(1, chance);
    }
}
