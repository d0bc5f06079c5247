using System.Globalization;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Running;

/// <summary>One shard of a study's runs: shard <see cref="Index"/> (from 0) of <see cref="Count"/>, as a Slurm array task is.</summary>
public sealed record ShardSpec(int Index, int Count)
{
    public const int MaxShards = 10_000;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>I/N</c> (0 ≤ I &lt; N); anything else is one line.</summary>
    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count is >= 1 and <= MaxShards && index < count)
        {
            return new ShardSpec(index, count);
        }
        throw new ConfigException($"--shard: expected I/N with 0 <= I < N <= {MaxShards} (in a Slurm array: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=0-(N-1)), found '{text}'");
    }
}
