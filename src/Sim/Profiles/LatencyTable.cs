namespace Mosel.Sim.Profiles;

/// <summary>
/// Measured latency (and optionally peak memory) of one configuration at one precision, at sparse
/// batch sizes. Between measured sizes the latency is interpolated linearly; below the smallest
/// measured size the smallest size's latency is used (a batch can always be padded up). Past the
/// largest measured size there is no value: asking for one throws, it is never extrapolated.
/// </summary>
public sealed class LatencyTable
{
    /// <summary>The largest batch size a profile may list: the table keeps one entry per batch size up to its largest.</summary>
    public const int MaxSupportedBatchSize = 65_536;

    private readonly int[] _batchSizes;
    private readonly double[] _latencyMs;
    private readonly double[]? _memoryBytes;
    private readonly (double[] Q1, double[] Q3)? _quartilesMs;
    private readonly double[] _secondsByBatch;

    private LatencyTable(int[] batchSizes, double[] latencyMs, double[]? memoryBytes, (double[] Q1, double[] Q3)? quartilesMs)
    {
        _batchSizes = batchSizes;
        _latencyMs = latencyMs;
        _memoryBytes = memoryBytes;
        _quartilesMs = quartilesMs;
        int max = batchSizes[^1];
        _secondsByBatch = new double[max + 1];
        for (int b = 1; b <= max; b++)
        {
            _secondsByBatch[b] = Interpolate(b, latencyMs) / 1000.0;
        }
    }

    public IReadOnlyList<int> BatchSizes => _batchSizes;

    public IReadOnlyList<double> LatencyMs => _latencyMs;

    public IReadOnlyList<double>? MemoryBytes => _memoryBytes;

    /// <summary>
    /// The lower and upper quartiles of the timed runs at each measured batch size (their spread), when the profile
    /// records them; the simulator plans with <see cref="LatencyMs"/> alone.
    /// </summary>
    public (IReadOnlyList<double> Q1, IReadOnlyList<double> Q3)? QuartilesMs => _quartilesMs is { } q ? (q.Q1, q.Q3) : null;

    public int MaxBatchSize => _batchSizes[^1];

    /// <summary>Latency in seconds of one micro-batch of <paramref name="batch"/> requests; 0 for an empty batch.</summary>
    public double Seconds(int batch)
    {
        if ((uint)batch >= (uint)_secondsByBatch.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch,
                $"batch size {batch} is outside the measured range 0..{MaxBatchSize}; latencies are never extrapolated");
        }
        return _secondsByBatch[batch];
    }

    /// <summary>Peak memory in bytes at <paramref name="batch"/>, interpolated like latency; null when not measured.</summary>
    public double? PeakMemoryBytes(int batch)
    {
        if (_memoryBytes is null || batch < 1 || batch > MaxBatchSize)
        {
            return null;
        }
        return Interpolate(batch, _memoryBytes);
    }

    /// <param name="quartilesMs">The runs' lower and upper quartiles per batch size (latency_q1_ms, latency_q3_ms), or null.</param>
    public static LatencyTable Create(string key, IReadOnlyList<int>? batchSizes, IReadOnlyList<double>? latencyMs,
        IReadOnlyList<double>? memoryBytes = null, (IReadOnlyList<double>? Q1, IReadOnlyList<double>? Q3) quartilesMs = default)
    {
        if (batchSizes is null || batchSizes.Count == 0)
        {
            throw new ProfileException($"{key}.batch_sizes", "missing or empty");
        }
        if (latencyMs is null || latencyMs.Count != batchSizes.Count)
        {
            throw new ProfileException($"{key}.latency_ms",
                $"needs one value per batch size ({batchSizes.Count}), found {latencyMs?.Count ?? 0}");
        }
        if (memoryBytes is not null && memoryBytes.Count != batchSizes.Count)
        {
            throw new ProfileException($"{key}.memory_bytes",
                $"needs one value per batch size ({batchSizes.Count}), found {memoryBytes.Count}");
        }
        for (int i = 0; i < batchSizes.Count; i++)
        {
            if (batchSizes[i] < 1 || batchSizes[i] > MaxSupportedBatchSize)
            {
                throw new ProfileException($"{key}.batch_sizes[{i}]", $"batch size must be in [1, {MaxSupportedBatchSize}], found {batchSizes[i]}");
            }
            if (i > 0 && batchSizes[i] <= batchSizes[i - 1])
            {
                throw new ProfileException($"{key}.batch_sizes[{i}]",
                    $"batch sizes must strictly increase ({batchSizes[i - 1]} then {batchSizes[i]})");
            }
            double ms = latencyMs[i];
            if (!double.IsFinite(ms) || ms <= 0)
            {
                throw new ProfileException($"{key}.latency_ms[{i}]", $"latency must be a positive finite number, found {ms}");
            }
            if (i > 0 && ms < latencyMs[i - 1])
            {
                throw new ProfileException($"{key}.latency_ms[{i}]",
                    $"latency decreases from {latencyMs[i - 1]} ms at batch {batchSizes[i - 1]} to {ms} ms at batch {batchSizes[i]}; " +
                    "a latency table must be non-decreasing in batch size (pad small batches up to the faster size)");
            }
            if (memoryBytes is not null && (!double.IsFinite(memoryBytes[i]) || memoryBytes[i] < 0))
            {
                throw new ProfileException($"{key}.memory_bytes[{i}]", $"memory must be a non-negative finite number, found {memoryBytes[i]}");
            }
        }
        return new LatencyTable(batchSizes.ToArray(), latencyMs.ToArray(), memoryBytes?.ToArray(), Quartiles(key, batchSizes.Count, quartilesMs));
    }

    /// <summary>Both quartile lists or neither, one value per batch size, finite, non-negative, and the lower not above the upper.</summary>
    private static (double[], double[])? Quartiles(string key, int count, (IReadOnlyList<double>? Q1, IReadOnlyList<double>? Q3) quartiles)
    {
        (IReadOnlyList<double>? q1, IReadOnlyList<double>? q3) = quartiles;
        if (q1 is null && q3 is null)
        {
            return null;
        }
        if (q1 is null || q3 is null)
        {
            throw new ProfileException($"{key}.{(q1 is null ? "latency_q1_ms" : "latency_q3_ms")}", "missing: the runs' spread needs both quartiles");
        }
        foreach ((string name, IReadOnlyList<double> values) in new[] { ("latency_q1_ms", q1), ("latency_q3_ms", q3) })
        {
            if (values.Count != count)
            {
                throw new ProfileException($"{key}.{name}", $"needs one value per batch size ({count}), found {values.Count}");
            }
            for (int i = 0; i < count; i++)
            {
                if (!double.IsFinite(values[i]) || values[i] < 0)
                {
                    throw new ProfileException($"{key}.{name}[{i}]", $"a quartile must be a non-negative finite number, found {values[i]}");
                }
            }
        }
        for (int i = 0; i < count; i++)
        {
            if (q1[i] > q3[i])
            {
                throw new ProfileException($"{key}.latency_q1_ms[{i}]", $"the lower quartile {q1[i]} is above the upper quartile {q3[i]}");
            }
        }
        return (q1.ToArray(), q3.ToArray());
    }

    private double Interpolate(int batch, double[] values)
    {
        if (batch <= _batchSizes[0])
        {
            return values[0];
        }
        int hi = Array.BinarySearch(_batchSizes, batch);
        if (hi >= 0)
        {
            return values[hi];
        }
        hi = ~hi;
        int lo = hi - 1;
        double t = (double)(batch - _batchSizes[lo]) / (_batchSizes[hi] - _batchSizes[lo]);
        return values[lo] + (t * (values[hi] - values[lo]));
    }
}
