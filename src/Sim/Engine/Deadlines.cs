using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Sim.Engine;

/// <summary>The deadline rule both engines share: arrival + the all-modality latency of the job's size + slack.</summary>
internal static class Deadlines
{
    /// <param name="deadlineLatency">True latencies in the policy's precision.</param>
    public static double For(JobArrival arrival, LatencyModel deadlineLatency, double slackSeconds)
    {
        if (arrival.Size > deadlineLatency.MaxBatchSize)
        {
            throw new InvalidOperationException($"job size {arrival.Size} exceeds the profile's largest batch size {deadlineLatency.MaxBatchSize}");
        }
        return arrival.ArrivalSeconds + deadlineLatency.Seconds(ModelProfile.FullConfigurationIndex, arrival.Size) + slackSeconds;
    }
}
