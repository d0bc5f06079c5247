namespace Mosel.Sim.Profiles;

/// <summary>Measured latencies are noisy and launch-bound at small batches, so they can dip as the batch grows.</summary>
public static class MonotoneLatency
{
    /// <summary>
    /// Each point becomes the minimum of itself and every larger batch's latency: a batch can always be
    /// padded up to a larger, faster one. Returns the new values and the indices that changed.
    /// </summary>
    public static (double[] Values, int[] Changed) SuffixMinimum(IReadOnlyList<double> latencyMs)
    {
        var values = latencyMs.ToArray();
        var changed = new List<int>();
        for (int i = values.Length - 2; i >= 0; i--)
        {
            if (values[i + 1] < values[i])
            {
                values[i] = values[i + 1];
                changed.Add(i);
            }
        }
        changed.Reverse();
        return (values, changed.ToArray());
    }
}
