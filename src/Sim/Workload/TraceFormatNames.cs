namespace Mosel.Sim.Workload;

/// <summary>The names configs use for each trace format.</summary>
public static class TraceFormatNames
{
    public static readonly IReadOnlyDictionary<string, TraceFormat> ByName = new Dictionary<string, TraceFormat>
    {
        ["per_second"] = TraceFormat.PerSecond,
        ["time_value"] = TraceFormat.TimeValue,
        ["timestamps"] = TraceFormat.Timestamps,
        ["per_minute"] = TraceFormat.PerMinute,
        ["per_hour"] = TraceFormat.PerHour,
    };
}
