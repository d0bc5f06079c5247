using System.Collections.Concurrent;
using Mosel.Experiments.Configuration;
using Mosel.Policies.Offline;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Running;

/// <summary>
/// The offline strategy matrices of one experiment's runs, built once per precision and shared (they are read-only):
/// without per-seed estimate noise every run of a precision plans with the same estimates, and building the matrix
/// costs more than a short run. With noise each run builds its own.
/// </summary>
public sealed class StrategyMatrices(bool sharedEstimates)
{
    private readonly ConcurrentDictionary<Precision, Lazy<StrategyMatrix>> _byPrecision = new();

    public static StrategyMatrices For(ExperimentConfig config) => new(config.EstimateNoiseCv == 0);

    /// <param name="estimate">This run's estimates; equal to every other run's of the precision when they are shared.</param>
    public StrategyMatrix Get(LatencyModel estimate) => sharedEstimates
        ? _byPrecision.GetOrAdd(estimate.Precision, _ => new Lazy<StrategyMatrix>(() => StrategyMatrix.Build(estimate))).Value
        : StrategyMatrix.Build(estimate);
}
