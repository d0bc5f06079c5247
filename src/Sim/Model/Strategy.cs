using System.Text;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Model;

/// <summary>
/// How a job's requests are split over modality configurations: <c>Counts[c]</c> requests run with
/// configuration c, each configuration as one micro-batch. Immutable, so the strategy matrix can hand
/// the same instance to many jobs.
/// </summary>
public sealed class Strategy
{
    private readonly int[] _counts;

    public Strategy(int[] counts, double accuracy, double estimatedSeconds)
    {
        _counts = counts;
        Size = counts.Sum();
        Accuracy = accuracy;
        EstimatedSeconds = estimatedSeconds;
    }

    public ReadOnlySpan<int> Counts => _counts;

    public int Size { get; }

    /// <summary>Mean accuracy over the job's requests: sum_c acc_c x_c / B.</summary>
    public double Accuracy { get; }

    /// <summary>Latency the scheduler expects, from the latency model the strategy was planned with.</summary>
    public double EstimatedSeconds { get; }

    /// <summary>Every request of the job with one configuration.</summary>
    public static Strategy Uniform(int configuration, int size, LatencyModel estimate)
    {
        var counts = new int[estimate.ConfigurationCount];
        counts[configuration] = size;
        double accuracy = estimate.Profile.Configurations[configuration].Accuracy;
        return new Strategy(counts, accuracy, estimate.Seconds(configuration, size));
    }

    public static double MeanAccuracy(ReadOnlySpan<int> counts, ModelProfile profile)
    {
        double sum = 0;
        int size = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            sum += profile.Configurations[c].Accuracy * counts[c];
            size += counts[c];
        }
        return size == 0 ? 0 : sum / size;
    }

    /// <summary>Compact text form, e.g. <c>audio+video:3;audio:2</c>.</summary>
    public string Describe(ModelProfile profile)
    {
        var text = new StringBuilder();
        for (int c = 0; c < _counts.Length; c++)
        {
            if (_counts[c] == 0)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(';');
            }
            text.Append(profile.Configurations[c].Name).Append(':').Append(_counts[c]);
        }
        return text.ToString();
    }
}
