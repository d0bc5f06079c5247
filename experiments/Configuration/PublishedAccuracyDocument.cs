namespace Mosel.Experiments.Configuration;

/// <summary>
/// profiles/accuracy/*.yaml as Mosel reads it: the keys it uses of each model entry. The files also describe each
/// model's architecture and task for people; those keys are skipped.
/// </summary>
public sealed record PublishedAccuracyDocument
{
    public List<PublishedModel> Models { get; init; } = [];
}

/// <summary>One published model entry: its accuracy per modality subset and where the numbers come from.</summary>
public sealed record PublishedModel
{
    public string? Name { get; init; }

    public string? Metric { get; init; }

    public string? Dataset { get; init; }

    public string Unit { get; init; } = "fraction";

    public bool HigherIsBetter { get; init; } = true;

    public bool Approximate { get; init; }

    public Dictionary<string, double>? Subsets { get; init; }

    public List<PublishedSource>? Source { get; init; }
}

/// <summary>A reference an entry's numbers are taken from.</summary>
public sealed record PublishedSource
{
    public string? Ref { get; init; }
}
