using Mosel.Sim.Engine;
using Mosel.Sim.Model;

namespace Mosel.Sim.Tests;

/// <summary>
/// A live service without a clock: every job runs <c>slowdown</c> times its estimated latency, and waiting moves the
/// service's time straight to the next completion or to the deadline of the wait, so a live run is deterministic.
/// </summary>
internal sealed class SteppedLiveService(double slowdown) : IRealTimeService
{
    private readonly Dictionary<int, double> _finishByWorker = [];

    public double Now { get; private set; }

    public int ReplaysBegun { get; private set; }

    public void BeginReplay() => ReplaysBegun++;

    public void Start(int worker, Job job) => _finishByWorker.Add(worker, job.StartSeconds + (slowdown * job.EstimatedServiceSeconds));

    public bool WaitForCompletion(double untilSeconds, out int worker, out double finishSeconds)
    {
        if (_finishByWorker.Count > 0)
        {
            (worker, finishSeconds) = _finishByWorker.MinBy(entry => entry.Value);
            if (finishSeconds <= untilSeconds)
            {
                _finishByWorker.Remove(worker);
                Now = Math.Max(Now, finishSeconds);
                return true;
            }
        }
        worker = -1;
        finishSeconds = double.NaN;
        Now = Math.Max(Now, untilSeconds);
        return false;
    }
}
