using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mosel.Experiments.Configuration;

/// <summary>One run of a study: a policy at one load with one seed, at one sweep point; <see cref="Index"/> is its place in the study's order.</summary>
public sealed record RunSpec(int Index, SweepPoint Point, string Policy, double? LoadQps, int Seed)
{
    /// <summary>
    /// A stable id from the run's parameters alone (the swept values by key, policy, load, seed): the same run has the same
    /// id in any study, folder or shard, whatever the order of the sweep's keys.
    /// </summary>
    public string Id { get; } = MakeId(Point, Policy, LoadQps, Seed);

    public string Label => Point.Settings.Count == 0 ? Short : $"{Short} [{Point.Label}]";

    private string Short => $"{Policy}@{(LoadQps is double q ? q.ToString("0.##", CultureInfo.InvariantCulture) : "trace")}#{Seed}";

    private static string MakeId(SweepPoint point, string policy, double? load, int seed)
    {
        var text = new StringBuilder();
        foreach (SweepSetting setting in point.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(setting.Key).Append('=').Append(setting.Value).Append('\n');
        }
        text.Append("policy=").Append(policy).Append('\n')
            .Append("load_qps=").Append(load is double l ? l.ToString("R", CultureInfo.InvariantCulture) : "trace").Append('\n')
            .Append("seed=").Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12].ToLowerInvariant();
    }
}
