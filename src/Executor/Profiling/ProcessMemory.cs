namespace Mosel.Executor.Profiling;

/// <summary>
/// Peak resident memory of this process (Linux VmHWM), resettable between measurements by writing 5 to
/// /proc/self/clear_refs. Used as the CPU profile's peak memory: it counts the weights, the activations
/// and the runtime itself, like a whole-device peak rather than an allocator's.
/// </summary>
internal static class ProcessMemory
{
    public static bool Available => File.Exists("/proc/self/status") && File.Exists("/proc/self/clear_refs");

    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the reset the peak only grows; PeakBytes still bounds the point from above.
        }
    }

    public static double? PeakBytes()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
