using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
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
        if (!Directory.Exists(folder) || !OutputTarget.IsMoselFolder(folder) || OutputTarget.KindOf(folder) != OutputKind.Simulation || !File.Exists(Path.Combine(folder, ResultFiles.Summary)))
        {
            return false;
        }
        ShardManifest? manifest = ShardManifest.Read(folder);
        if (shard is not null)
        {
            // The same build, study, shard and runs, the same input contents now as then, and every result file as written.
            return manifest is not null && manifest.IsOf(study, shard) && manifest.FirstChangedFile(folder) is null;
        }
        // The same resolved config, the same build, and the same input contents as the folder's provenance records.
        string resolved = Path.Combine(folder, ResultFiles.ResolvedConfig);
        return manifest is null && File.Exists(resolved)
            && File.ReadAllText(resolved).Split('\n', 2)[1] == ResultsWriter.ResolvedConfig(study)
            && Provenance.Read(folder) is { } recorded
            && recorded.Build == Provenance.Build
            && recorded.Inputs.SequenceEqual(Provenance.InputDigests(study));
    }
}
