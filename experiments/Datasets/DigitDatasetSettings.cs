namespace Mosel.Experiments.Datasets;

/// <summary>What a dataset build makes: utterances per digit (split 70/15/15 between train, validation and test), and samples per utterance.</summary>
public sealed record DigitDatasetSettings(int Seed, int UtterancesPerDigit, int SamplesPerUtterance)
{
    public static DigitDatasetSettings Default { get; } = new(1, 60, 5);
}
