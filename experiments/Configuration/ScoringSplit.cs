using Mosel.Experiments.Datasets;

namespace Mosel.Experiments.Configuration;

/// <summary>The labelled samples a scored torch run feeds its requests: one split of a digits dataset folder.</summary>
public sealed record ScoringSplit(string Folder, string Split)
{
    public string File => Path.Combine(Folder, DigitDatasetFiles.SplitFile(Split));
}
