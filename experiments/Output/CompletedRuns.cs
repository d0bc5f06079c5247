using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Experiments.Safety;

namespace Mosel.Experiments.Output;

/// <summary>
/// <c>--resume</c>: whether a results folder already holds exactly what a run would write. A folder appears only when
/// complete, so a folder with the same resolved config, shard and Mosel build is a finished run of the same work.
/// </summary>
public static class CompletedRuns
{
    public static bool AlreadyHeld(string folder, Study study, ShardSpec? shard)
    {
        if (!Directory.Exists(folder) || !OutputTarget.IsMoselFolder(folder) || OutputTarget.KindOf(folder) != OutputKind.Simulation || !File.Exists(Path.Combine(folder, "summary.csv")))
        {
            return false;
        }
        ShardManifest? manifest = ShardManifest.Read(folder);
        if (shard is not null)
        {
            ShardManifest expected = ShardManifest.For(study, shard);
            // Every field as the record compares it, except the run ids, which it compares by reference.
            return manifest is not null
                && manifest with { RunIds = expected.RunIds } == expected
                && manifest.RunIds.SequenceEqual(expected.RunIds);
        }
        string resolved = Path.Combine(folder, ResultsWriter.ResolvedConfigFile);
        return manifest is null && File.Exists(resolved)
            && File.ReadAllText(resolved).Split('\n', 2)[1] == ResultsWriter.ResolvedConfig(study);
    }
}
