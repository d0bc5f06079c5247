using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>The workload section, validated; the trace (if any) is named but not yet read.</summary>
/// <param name="Loads">One entry per load point; a single null means "the trace as shaped".</param>
public sealed record WorkloadPlan(ArrivalKind Arrivals, IReadOnlyList<double?> Loads, RescaleKind LoadScaling, double SweepDurationSeconds,
    TracePlan? Trace, JobSizeDistribution JobSizes, double SlackSeconds, double TargetMin, double TargetMax, bool TargetPerJob, ProducerTiming Producer,
    SecondSpacing Spacing);
