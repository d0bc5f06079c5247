namespace Mosel.Sim.Profiles;

/// <summary>
/// The latencies one party works with: the executor's true latencies (factor 1), or the scheduler's
/// estimates (true x factor, one factor per configuration). Dense per-batch arrays make lookups O(1).
/// </summary>
public sealed class LatencyModel
{
    private readonly double[][] _seconds;

    /// <param name="factor">Multiplier for (configuration, batch size); null means the true latency.</param>
    public LatencyModel(ModelProfile profile, Precision precision, Func<int, int, double>? factor = null)
    {
        Profile = profile;
        Precision = precision;
        int configs = profile.Configurations.Count;
        _seconds = new double[configs][];
        for (int c = 0; c < configs; c++)
        {
            LatencyTable table = profile.Table(precision, c);
            _seconds[c] = new double[profile.MaxBatchSize + 1];
            for (int b = 1; b <= profile.MaxBatchSize; b++)
            {
                double f = factor?.Invoke(c, b) ?? 1.0;
                if (!double.IsFinite(f) || f <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(factor), f, "latency factors must be positive and finite");
                }
                _seconds[c][b] = table.Seconds(b) * f;
            }
        }
    }

    public ModelProfile Profile { get; }

    public Precision Precision { get; }

    public int MaxBatchSize => Profile.MaxBatchSize;

    public int ConfigurationCount => _seconds.Length;

    public double Seconds(int configuration, int batch) => _seconds[configuration][batch];

    /// <summary>Micro-batches run one after another, so a strategy's latency is the sum of its parts.</summary>
    public double StrategySeconds(ReadOnlySpan<int> counts)
    {
        double total = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            total += _seconds[c][counts[c]];
        }
        return total;
    }
}
