using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Offline;

/// <summary>
/// Solves one cell of the strategy matrix: min sum_c L_c(x_c) s.t. sum_c x_c = B and
/// sum_c acc_c x_c >= A B, x integer >= 0. Returns null when no split reaches the target.
/// </summary>
public interface IStrategySolver
{
    string Name { get; }

    Strategy? Solve(LatencyModel latency, int size, double target);
}
