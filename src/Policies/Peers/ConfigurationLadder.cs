using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// The configurations worth switching between, from the most accurate down to the fastest: those that no other
/// configuration beats on accuracy while being at least as fast at every batch size (TVLT's video alone is slower and
/// less accurate than audio alone, so it is never a step).
/// </summary>
public static class ConfigurationLadder
{
    public static int[] Build(LatencyModel estimate)
    {
        IReadOnlyList<ModalityConfiguration> configurations = estimate.Profile.Configurations;
        bool Dominates(int a, int b)
        {
            bool noSlower = Enumerable.Range(1, estimate.MaxBatchSize).All(s => estimate.Seconds(a, s) <= estimate.Seconds(b, s));
            bool faster = Enumerable.Range(1, estimate.MaxBatchSize).Any(s => estimate.Seconds(a, s) < estimate.Seconds(b, s));
            double accuracyA = configurations[a].Accuracy;
            double accuracyB = configurations[b].Accuracy;
            return noSlower && accuracyA >= accuracyB && (faster || accuracyA > accuracyB);
        }
        return Enumerable.Range(0, configurations.Count)
            .Where(b => !Enumerable.Range(0, configurations.Count).Any(a => a != b && Dominates(a, b)))
            .OrderByDescending(c => configurations[c].Accuracy)
            .ThenBy(c => c)
            .ToArray();
    }

    /// <summary>Requests per second the workers sustain with one configuration when jobs have <paramref name="meanSize"/> requests.</summary>
    public static double Capacity(LatencyModel estimate, int configuration, double meanSize, int workers)
    {
        int size = TypicalSize(estimate, meanSize);
        return workers * size / estimate.Seconds(configuration, size);
    }

    /// <summary>The batch size the profile is read at for a stream of jobs of <paramref name="meanSize"/> requests on average: the nearest measured one.</summary>
    public static int TypicalSize(LatencyModel estimate, double meanSize) => Math.Clamp((int)Math.Round(meanSize), 1, estimate.MaxBatchSize);
}
