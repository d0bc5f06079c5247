namespace Mosel.Experiments.Configuration;

/// <summary>A model profile as written in profiles/*.yaml.</summary>
public sealed class ProfileDocument
{
    public string? Model { get; init; }

    public string? Description { get; init; }

    public string[]? Modalities { get; init; }

    public string? Device { get; init; }

    public string? Provenance { get; init; }

    public AccuracyDocument? Accuracy { get; init; }

    /// <summary>precision (fp32 | fp16) -> configuration -> table.</summary>
    public Dictionary<string, Dictionary<string, LatencyDocument>>? Latency { get; init; }
}

public sealed class AccuracyDocument
{
    public string Metric { get; init; } = "accuracy";

    /// <summary><c>fraction</c> or <c>percent</c>.</summary>
    public string Unit { get; init; } = "fraction";

    public bool HigherIsBetter { get; init; } = true;

    public bool Approximate { get; init; }

    /// <summary>Where the values come from; left out when there is nothing to say (the loader refuses an empty value).</summary>
    public string? Source { get; init; }

    public Dictionary<string, double>? Values { get; init; }

    /// <summary>Where the values were measured: per configuration, right answers of samples and the 95 % interval.</summary>
    public Dictionary<string, MeasuredAccuracyDocument>? Measured { get; init; }
}

public sealed class MeasuredAccuracyDocument
{
    public int Correct { get; init; }

    public int Samples { get; init; }

    public double Low95 { get; init; }

    public double High95 { get; init; }

    /// <summary>How many clusters (utterances) the samples come in; with the clustered interval, optional.</summary>
    public int? Clusters { get; init; }

    public double? ClusteredLow95 { get; init; }

    public double? ClusteredHigh95 { get; init; }
}

public sealed class LatencyDocument
{
    public int[]? BatchSizes { get; init; }

    public double[]? LatencyMs { get; init; }

    public double[]? MemoryBytes { get; init; }

    /// <summary>The timed runs' lower quartile per batch size (written by mosel profile; optional).</summary>
    public double[]? LatencyQ1Ms { get; init; }

    /// <summary>The timed runs' upper quartile per batch size.</summary>
    public double[]? LatencyQ3Ms { get; init; }
}
