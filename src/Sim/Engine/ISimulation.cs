using Mosel.Sim.Metrics;

namespace Mosel.Sim.Engine;

/// <summary>One run of an engine (the idealised one or the reference one) over its arrivals.</summary>
public interface ISimulation
{
    RunResult Run();
}
