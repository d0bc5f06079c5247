namespace Mosel.Sim.Profiles;

/// <summary>A configuration's accuracy as measured on a labelled set: right answers of samples, and its 95 % interval.</summary>
public sealed record AccuracyCount(int Correct, int Samples, double Low95, double High95)
{
    public double Accuracy => (double)Correct / Samples;

    /// <summary>How many clusters of correlated samples (a digits dataset: utterances) the samples come in; null when not recorded.</summary>
    public int? Clusters { get; init; }

    /// <summary>A 95 % interval that respects the clusters (a bootstrap over them), wider than the Wilson interval when samples of a cluster agree; null when not recorded.</summary>
    public (double Low, double High)? Clustered95 { get; init; }
}
