namespace Mosel.Plots;

/// <summary>One point of a line: x, y and the half-width of its confidence interval (0 when none).</summary>
public sealed record SeriesPoint(double X, double Y, double Error = 0);

/// <summary>A named line.</summary>
public sealed record DataSeries(string Name, IReadOnlyList<SeriesPoint> Points);

/// <summary>Per-configuration costs of one model (Fig. 1).</summary>
public sealed record ConfigurationCosts(
    string Model,
    IReadOnlyList<string> Configurations,
    IReadOnlyList<double> LatencyMsBatch1,
    IReadOnlyList<double> LatencyMsBatch32,
    IReadOnlyList<double> PeakMemoryGiBBatch32,
    IReadOnlyList<double> Accuracy,
    string AccuracyLabel,
    string Precision);

/// <summary>One 4-second window of a trace run (the time-series figure).</summary>
public sealed record WindowPoint(double StartSeconds, double OfferedRps, double GoodputRps, double ViolatedRps, double MeanAccuracy,
    IReadOnlyList<double> ConfigurationShares);
