namespace Mosel.Experiments.Datasets;

/// <summary>The three splits, and which one each of a digit's utterances goes to (70 % train, 15 % validation, the rest test).</summary>
public static class DatasetSplit
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Train, Validation, Test];

    /// <summary>The split of the <paramref name="rank"/>-th of <paramref name="count"/> utterances of a digit (ranks in a shuffled order).</summary>
    public static string Of(int rank, int count)
    {
        int train = (int)Math.Round(count * 0.70);
        int validation = (int)Math.Round(count * 0.15);
        return rank < train ? Train : rank < train + validation ? Validation : Test;
    }
}
