namespace Mosel.Plots;

/// <summary>One point of a line: x, y and the half-width of its confidence interval (0 when none).</summary>
public sealed record SeriesPoint(double X, double Y, double Error = 0);

/// <summary>A named line; <see cref="Color"/> and <see cref="Style"/> pin its colour (palette index) and marker across panels.</summary>
public sealed record DataSeries(string Name, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>The palette index; null: the series' place in its plot.</summary>
    public int? Color { get; init; }

    /// <summary>The marker style index (filled circle, open square, filled triangle, open diamond); null: the marker follows the colour.</summary>
    public int? Style { get; init; }
}

/// <summary>
/// One entry of a legend that names colours and markers apart (a line per colour, a grey marker per style) instead of one
/// entry per series: with 4 colours and 3 markers, 7 entries instead of 12.
/// </summary>
public sealed record LegendEntry(string Name, int? Color, int? Style);

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
