using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>Simulated time: each job's service time comes from the executor at dispatch, and time jumps from event to event.</summary>
internal sealed class VirtualTime(IExecutor executor) : ITimeDriver
{
    public void Begin()
    {
    }

    public double? Start(int worker, Job job, double now, Precision precision)
    {
        job.ActualServiceSeconds = executor.Execute(job, precision);
        job.FinishSeconds = now + job.ActualServiceSeconds;
        return job.FinishSeconds;
    }

    public bool Waits(bool anyRunning, double now, double stopAt) => false;

    public double EventTime(double scheduledSeconds) => scheduledSeconds;
}
