using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Engine;

/// <summary>Runs a job's micro-batches (one per configuration in its strategy) and says how long that took.</summary>
public interface IExecutor
{
    /// <returns>The true service time in seconds.</returns>
    double Execute(Job job, Precision precision);
}
