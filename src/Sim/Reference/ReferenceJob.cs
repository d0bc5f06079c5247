using Mosel.Sim.Model;

namespace Mosel.Sim.Reference;

/// <summary>A job inside the reference engine: the job, the deadline its monitor and worker use, and whether it is a warm-up.</summary>
internal sealed class ReferenceJob(Job job, bool warmUp)
{
    public Job Job { get; } = job;

    public bool WarmUp { get; } = warmUp;

    /// <summary>The job's deadline as the monitor extends it at pull: + (pull − creation) + 5 ms. Met or late still counts against <see cref="Job.DeadlineSeconds"/>.</summary>
    public double Deadline { get; set; } = job.DeadlineSeconds;

    /// <summary>The estimated latency of the job's current cell (<c>comp_time</c>).</summary>
    public double Comp => Job.Strategy.EstimatedSeconds;
}
