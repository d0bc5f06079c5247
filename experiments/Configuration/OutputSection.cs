using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>output:</c> (the metrics window, the records' format).</summary>
public static class OutputSection
{
    private static readonly Dictionary<string, RecordsFormat> s_formats = new()
    {
        ["csv.gz"] = RecordsFormat.CsvGzip,
        ["csv"] = RecordsFormat.Csv,
        ["parquet"] = RecordsFormat.Parquet,
    };

    /// <returns>The records' format (null when the format is not one Mosel writes).</returns>
    public static RecordsFormat? Validate(OutputOptions output, ConfigErrors v)
    {
        v.Check(output.WindowS is >= ConfigLimits.MinWindowSeconds and <= ArrivalTrace.MaxDurationSeconds, "output.window_s",
            $"must be in [{ConfigLimits.MinWindowSeconds}, {ArrivalTrace.MaxDurationSeconds}] s, found {output.WindowS}");
        return v.OneOf(output.RecordsFormat, "output.records_format", s_formats, "'csv.gz', 'csv' or 'parquet'");
    }
}
