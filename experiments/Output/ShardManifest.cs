using System.Text.Json;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>
/// shard.json in a shard's results folder: which build ran which study (the fingerprint of its resolved config, and the
/// SHA-256 of every input file it read), which shard of how many, its run ids, and the SHA-256 of every result file it
/// wrote. <c>mosel merge</c> and <c>--resume</c> check these before they trust a shard: an input edited since, a result
/// file cut short or edited, is found by content, not by name.
/// </summary>
public sealed record ShardManifest(string Build, string ConfigSha256, int Shard, int Shards, IReadOnlyList<string> RunIds,
    IReadOnlyList<InputDigest> Inputs, IReadOnlyDictionary<string, string> Files)
{

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The manifest of a shard whose result files are all in <paramref name="folder"/>.</summary>
    public static ShardManifest For(Study study, ShardSpec shard, string folder) =>
        new(Provenance.Build, ResultsWriter.ConfigFingerprint(study), shard.Index, shard.Count, study.Runs.Select(r => r.Id).ToArray(),
            Provenance.InputDigests(study), Checksums(folder));

    /// <summary>Whether this manifest is of <paramref name="shard"/> of <paramref name="study"/> as this build runs it now: build, study, shard, runs and input contents.</summary>
    public bool IsOf(Study study, ShardSpec shard) =>
        Build == Provenance.Build && ConfigSha256 == ResultsWriter.ConfigFingerprint(study) && Shard == shard.Index && Shards == shard.Count
        && RunIds.SequenceEqual(study.Runs.Select(r => r.Id)) && Inputs.SequenceEqual(Provenance.InputDigests(study));

    /// <summary>The same input contents by role, wherever the files were.</summary>
    public bool SameInputs(ShardManifest other) => Inputs.SequenceEqual(other.Inputs);

    /// <summary>The first result file in <paramref name="folder"/> whose content is not what the manifest says (missing, cut short, edited), or null.</summary>
    public string? FirstChangedFile(string folder)
    {
        Dictionary<string, string> now = Checksums(folder);
        return Files.Keys.Concat(now.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .FirstOrDefault(f => !Files.TryGetValue(f, out string? expected) || !now.TryGetValue(f, out string? actual) || expected != actual);
    }

    /// <summary>SHA-256 of every result file (not the manifest, the marker or provenance.json, which holds the time and machine).</summary>
    private static Dictionary<string, string> Checksums(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName)
            .Where(f => f is not ResultFiles.ShardManifest and not Safety.OutputTarget.MarkerFile and not ResultFiles.Provenance)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f!, f => Provenance.Sha256(Path.Combine(folder, f!)), StringComparer.Ordinal);

    public void Write(string folder) => System.IO.File.WriteAllText(Path.Combine(folder, ResultFiles.ShardManifest), JsonSerializer.Serialize(this, s_json) + "\n");

    /// <summary>The folder's manifest, or null where it has none (not a shard); one error line when it cannot be read.</summary>
    public static ShardManifest? Read(string folder)
    {
        string path = Path.Combine(folder, ResultFiles.ShardManifest);
        if (!System.IO.File.Exists(path))
        {
            return null;
        }
        try
        {
            ShardManifest manifest = JsonSerializer.Deserialize<ShardManifest>(System.IO.File.ReadAllText(path), s_json)
                ?? throw new ConfigException($"{path}: empty");
            // Deserialisation leaves a missing or null field null: each is one line here, not a fault later.
            string? missing = manifest.Build is null ? "build" : manifest.ConfigSha256 is null ? "config_sha256"
                : manifest.RunIds is null ? "run_ids" : manifest.Inputs is null ? "inputs" : manifest.Files is null ? "files" : null;
            return missing is null ? manifest : throw new ConfigException($"{path}: {missing}: missing (not a shard manifest this Mosel wrote)");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: not a shard manifest Mosel wrote ({e.Message.Split('\n')[0]})", e);
        }
    }
}
