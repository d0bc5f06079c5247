namespace Mosel.Sim.Workload;

public enum TraceFormat
{
    /// <summary>One count per line, no header: line n is the number of requests in second n-1.</summary>
    PerSecond,

    /// <summary><c>seconds value</c> pairs: samples of a load shape, linearly interpolated to 1 s.</summary>
    TimeValue,

    /// <summary>CSV with a header whose first column is a request timestamp (<c>yyyy-MM-dd HH:mm:ss.fffffff</c>).</summary>
    Timestamps,

    /// <summary>One-column CSV with a header: invocations per minute.</summary>
    PerMinute,

    /// <summary><c>yyyy-MM-dd HH:mm:ss;count</c> per hour, no header.</summary>
    PerHour,
}
