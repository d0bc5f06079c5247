using System.Text.Json;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>
/// shard.json in a shard's results folder: which build ran which study (the fingerprint of its resolved config), which
/// shard of how many, and its run ids. <c>mosel merge</c> checks these before it combines shards.
/// </summary>
public sealed record ShardManifest(string Build, string ConfigSha256, int Shard, int Shards, IReadOnlyList<string> RunIds)
{
    public const string File = "shard.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ShardManifest For(Study study, ShardSpec shard) =>
        new(Provenance.Build, ResultsWriter.ConfigFingerprint(study), shard.Index, shard.Count, study.Runs.Select(r => r.Id).ToArray());

    public void Write(string folder) => System.IO.File.WriteAllText(Path.Combine(folder, File), JsonSerializer.Serialize(this, s_json) + "\n");

    /// <summary>The folder's manifest, or null where it has none (not a shard); one error line when it cannot be read.</summary>
    public static ShardManifest? Read(string folder)
    {
        string path = Path.Combine(folder, File);
        if (!System.IO.File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ShardManifest>(System.IO.File.ReadAllText(path), s_json)
                ?? throw new ConfigException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: not a shard manifest Mosel wrote ({e.Message.Split('\n')[0]})", e);
        }
    }
}
