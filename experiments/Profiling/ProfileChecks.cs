using System.Globalization;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>
/// What a measured profile is checked for before it is written. A subset of the modalities cannot cost more than all of
/// them on an idle machine (it runs less of the same model), so a profile where one does was taken on a busy machine and
/// would make MOSEL never drop anything; timed runs that disagree by a quarter of their median or more are noisy.
/// </summary>
public static class ProfileChecks
{
    /// <summary>Relative interquartile range from which a point counts as noisy.</summary>
    public const double WideSpread = 0.25;

    /// <summary>Every (precision, configuration, batch size) where a configuration costs more than the full one, as a line each.</summary>
    public static IReadOnlyList<string> Inversions(ModelProfile profile)
    {
        var found = new List<string>();
        foreach (Precision precision in profile.Precisions)
        {
            LatencyTable full = profile.Table(precision, ModelProfile.FullConfigurationIndex);
            for (int c = 0; c < profile.Configurations.Count; c++)
            {
                if (c == ModelProfile.FullConfigurationIndex)
                {
                    continue;
                }
                LatencyTable table = profile.Table(precision, c);
                foreach (int batch in table.BatchSizes.Where(b => b <= full.MaxBatchSize))
                {
                    double subset = table.Seconds(batch) * 1000;
                    double all = full.Seconds(batch) * 1000;
                    if (subset > all)
                    {
                        found.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{precision.ToName()} {profile.Configurations[c].Name} costs {subset:0.###} ms at batch {batch}, more than {profile.Configurations[ModelProfile.FullConfigurationIndex].Name} ({all:0.###} ms)"));
                    }
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The measured points whose runs' interquartile range is at least <see cref="WideSpread"/> of the latency the table
    /// keeps, widest first, as a line each (a profile without quartiles has none).
    /// </summary>
    public static IReadOnlyList<string> Noisy(ModelProfile profile)
    {
        var found = new List<(double Spread, string Text)>();
        foreach (Precision precision in profile.Precisions)
        {
            for (int c = 0; c < profile.Configurations.Count; c++)
            {
                LatencyTable table = profile.Table(precision, c);
                if (table.QuartilesMs is not { } quartiles)
                {
                    continue;
                }
                for (int i = 0; i < table.BatchSizes.Count; i++)
                {
                    double spread = (quartiles.Q3[i] - quartiles.Q1[i]) / table.LatencyMs[i];
                    if (spread >= WideSpread)
                    {
                        found.Add((spread, string.Create(CultureInfo.InvariantCulture,
                            $"{precision.ToName()} {profile.Configurations[c].Name} batch {table.BatchSizes[i]}: runs from {quartiles.Q1[i]:0.###} to {quartiles.Q3[i]:0.###} ms (quartiles) around {table.LatencyMs[i]:0.###} ms")));
                    }
                }
            }
        }
        return [.. found.OrderByDescending(f => f.Spread).Select(f => f.Text)];
    }

    /// <summary>
    /// The share of the machine's CPU time that others used over <paramref name="window"/> while this process waited (two
    /// readings of /proc/stat's first line); null where /proc/stat cannot be read. Measured now, unlike the load average,
    /// which still counts a build that ended a minute ago.
    /// </summary>
    public static double? BusyShare(TimeSpan window, string statFile = "/proc/stat")
    {
        try
        {
            string before = File.ReadLines(statFile).First();
            Thread.Sleep(window);
            return BusyShare(before, File.ReadLines(statFile).First());
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The busy share between two readings of /proc/stat's "cpu" line (user, nice, system, idle, iowait, irq, softirq,
    /// steal, in clock ticks; guest time is inside user): 1 − (idle + iowait) ÷ all, of the ticks that passed.
    /// </summary>
    public static double? BusyShare(string before, string after)
    {
        static long[]? Ticks(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["cpu", .. var fields] && fields.Length >= 8
            ? [.. fields.Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture))]
            : null;
        if (Ticks(before) is not { } a || Ticks(after) is not { } b)
        {
            return null;
        }
        long all = b.Sum() - a.Sum();
        long idle = b[3] + b[4] - a[3] - a[4];
        return all <= 0 ? null : 1 - ((double)idle / all);
    }
}
