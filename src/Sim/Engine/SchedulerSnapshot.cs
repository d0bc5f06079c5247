namespace Mosel.Sim.Engine;

/// <summary>
/// What a policy may see: the simulated time, the EDF queue, and when each worker is expected to be
/// free (start of its running job + that job's estimated latency, or now when idle). The engine reuses
/// one instance, so a policy must not keep it past the call.
/// </summary>
public sealed class SchedulerSnapshot
{
    private readonly double[] _workerFreeAt;

    internal SchedulerSnapshot(EdfQueue queue, int workers)
    {
        Queue = queue;
        _workerFreeAt = new double[workers];
    }

    public double NowSeconds { get; internal set; }

    public EdfQueue Queue { get; }

    /// <summary>Estimated time at which each worker finishes its current job (never before now).</summary>
    public IReadOnlyList<double> WorkerFreeAtSeconds => _workerFreeAt;

    internal void SetWorkerFreeAt(int worker, double seconds) => _workerFreeAt[worker] = seconds;
}
