using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>A validated experiment: everything resolved, nothing left to fail on bad input.</summary>
public sealed record ExperimentConfig
{
    public required string Name { get; init; }

    public required string SourcePath { get; init; }

    /// <summary>The options with every default filled in (written out as config.resolved.yaml).</summary>
    public required ExperimentOptions Options { get; init; }

    public required ModelProfile Profile { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>One entry per load point; a single null means "the trace as shaped".</summary>
    public required IReadOnlyList<double?> Loads { get; init; }

    public required ArrivalKind Arrivals { get; init; }

    public ArrivalTrace? Trace { get; init; }

    public required TraceShape Shape { get; init; }

    public required RescaleKind LoadScaling { get; init; }

    public required double SweepDurationSeconds { get; init; }

    public required JobSizeDistribution JobSizes { get; init; }

    public required double TargetMin { get; init; }

    public required double TargetMax { get; init; }

    public required bool TargetPerJob { get; init; }

    public required SimulationSettings Settings { get; init; }

    public required OnlineSolverSettings Solver { get; init; }

    /// <summary>The infaas policy's controller.</summary>
    public required InfaasSettings Infaas { get; init; }

    /// <summary>The proteus policy's planner.</summary>
    public required ProteusSettings Proteus { get; init; }

    /// <summary>The reference engine's settings (mode set per policy when a run is built); null: the ideal engine.</summary>
    public ReferenceSettings? Reference { get; init; }

    /// <summary>Fixed arrivals: the reference producer's clock.</summary>
    public required ProducerTiming Producer { get; init; }

    /// <summary>Trace replay: how a second's jobs are placed in it.</summary>
    public required SecondSpacing Spacing { get; init; }

    public required double NoiseCv { get; init; }

    public required double[] EstimateFactors { get; init; }

    public required double EstimateNoiseCv { get; init; }

    public required bool JobRecords { get; init; }

    /// <summary>The format of the per-job and per-decision records.</summary>
    public required RecordsFormat RecordsFormat { get; init; }

    /// <summary>Live replay on the wall clock (executor.clock: wall) instead of the simulated clock.</summary>
    public required bool LiveReplay { get; init; }

    /// <summary>Real execution: the zoo model, scale and device; null when the profile is replayed.</summary>
    public TorchExecution? Torch { get; init; }

    /// <summary>The sweep point this config is (<see cref="SweepPoint.None"/> without <c>sweep:</c>).</summary>
    public SweepPoint Point { get; init; } = SweepPoint.None;

    /// <summary>Every (load, policy, seed) of this point, numbered from <paramref name="firstIndex"/> (its place in the study).</summary>
    public IReadOnlyList<RunSpec> Runs(int firstIndex = 0)
    {
        var runs = new List<RunSpec>();
        foreach (double? load in Loads)
        {
            foreach (string policy in Policies)
            {
                foreach (int seed in Seeds)
                {
                    runs.Add(new RunSpec(firstIndex + runs.Count, Point, policy, load, seed));
                }
            }
        }
        return runs;
    }

    /// <summary>The arrivals of one (load, seed): identical for every policy, so policies are compared on the same jobs.</summary>
    public IArrivalSource CreateArrivals(double? load, int seed)
    {
        ulong master = (ulong)seed;
        var targets = new AccuracyTargets(TargetMin, TargetMax, TargetPerJob, SeedStreams.Create(master, "targets"));
        Random sizes = SeedStreams.Create(master, "arrivals");
        switch (Arrivals)
        {
            case ArrivalKind.Poisson:
                return new PoissonArrivals(load!.Value, SweepDurationSeconds, JobSizes, targets, SeedStreams.Create(master, "arrival-times"), sizes);
            case ArrivalKind.Fixed:
                return new ProducerArrivals(ConstantRates(load!.Value, SweepDurationSeconds), JobSizes, targets, Producer, sizes);
            default:
                TraceShape shape = load is double qps ? Shape with { Rescale = LoadScaling, TargetQps = qps } : Shape;
                return new TraceArrivals(shape.Apply(Trace!), JobSizes, targets, sizes, Spacing);
        }
    }

    /// <summary>The producer's nominal seconds at one rate; a fractional last second gets its share of the rate.</summary>
    private static double[] ConstantRates(double qps, double seconds)
    {
        var rates = new double[(int)Math.Ceiling(seconds)];
        for (int s = 0; s < rates.Length; s++)
        {
            rates[s] = qps * Math.Min(1, seconds - s);
        }
        return rates;
    }

    /// <summary>The scheduler's view of latency: true x factor, with optional seeded per-(configuration, batch) noise.</summary>
    public LatencyModel CreateEstimate(Precision precision, int seed)
    {
        var noise = new MeanOneLogNormal(EstimateNoiseCv, SeedStreams.Create((ulong)seed, "estimate-noise"));
        return new LatencyModel(Profile, precision, (c, b) => EstimateFactors[c] * noise.Sample());
    }
}
