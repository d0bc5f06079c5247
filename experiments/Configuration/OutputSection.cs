using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>output:</c> (the metrics window).</summary>
public static class OutputSection
{
    public static void Validate(OutputOptions output, ConfigErrors v) =>
        v.Check(output.WindowS is >= ConfigLimits.MinWindowSeconds and <= ArrivalTrace.MaxDurationSeconds, "output.window_s",
            $"must be in [{ConfigLimits.MinWindowSeconds}, {ArrivalTrace.MaxDurationSeconds}] s, found {output.WindowS}");
}
