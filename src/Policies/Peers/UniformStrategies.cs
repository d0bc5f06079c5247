using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Peers;

/// <summary>
/// Every job size's strategy that runs all of a job's requests with one configuration, built once: a policy that picks a
/// configuration per job or per stream hands out these shared instances instead of allocating one per job.
/// </summary>
public sealed class UniformStrategies
{
    private readonly Strategy[][] _byConfiguration;

    public UniformStrategies(LatencyModel estimate)
    {
        Estimate = estimate;
        _byConfiguration = new Strategy[estimate.ConfigurationCount][];
        for (int c = 0; c < _byConfiguration.Length; c++)
        {
            _byConfiguration[c] = new Strategy[estimate.MaxBatchSize + 1];
            for (int size = 1; size <= estimate.MaxBatchSize; size++)
            {
                _byConfiguration[c][size] = Strategy.Uniform(c, size, estimate);
            }
        }
    }

    public LatencyModel Estimate { get; }

    public Strategy Of(int configuration, int size) => _byConfiguration[configuration][size];
}
