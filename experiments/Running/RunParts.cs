using Mosel.Sim.Engine;

namespace Mosel.Experiments.Running;

/// <summary>A built run and what it owns (a torch executor, a live replay's worker threads), released together.</summary>
public sealed class RunParts(ISimulation simulation, IExecutor executor, IRealTimeService? live) : IDisposable
{
    public ISimulation Simulation { get; } = simulation;

    public void Dispose()
    {
        (live as IDisposable)?.Dispose();
        (executor as IDisposable)?.Dispose();
    }
}
