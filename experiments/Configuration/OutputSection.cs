using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>output:</c> (the metrics window, the records' format).</summary>
public static class OutputSection
{
    private static readonly Dictionary<string, bool> s_formats = new() { ["csv.gz"] = true, ["csv"] = false };

    /// <returns>Whether the per-job records are gzip-compressed (null when the format is not one Mosel writes).</returns>
    public static bool? Validate(OutputOptions output, ConfigErrors v)
    {
        v.Check(output.WindowS is >= ConfigLimits.MinWindowSeconds and <= ArrivalTrace.MaxDurationSeconds, "output.window_s",
            $"must be in [{ConfigLimits.MinWindowSeconds}, {ArrivalTrace.MaxDurationSeconds}] s, found {output.WindowS}");
        return v.OneOf(output.RecordsFormat, "output.records_format", s_formats, "'csv.gz' or 'csv'");
    }
}
