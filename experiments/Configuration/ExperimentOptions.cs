using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>An experiment config as written in YAML (snake_case keys). Validated into <see cref="ExperimentConfig"/>.</summary>
public sealed record ExperimentOptions
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Profile YAML, relative to the config file.</summary>
    public string? Profile { get; init; }

    public string[]? Policies { get; init; }

    public int[] Seeds { get; init; } = [1];

    public WorkloadOptions? Workload { get; init; }

    public SchedulerOptions Scheduler { get; init; } = new();

    public ExecutorOptions Executor { get; init; } = new();

    public OutputOptions Output { get; init; } = new();

    /// <summary>Config keys run over lists of values (see <see cref="SweepOptions"/>); null: one point, the config as written.</summary>
    public SweepOptions? Sweep { get; init; }

    /// <summary>The same experiment with the profile replayed instead of run (for fidelity comparisons).</summary>
    public ExperimentOptions WithProfileReplay(string profile) => this with
    {
        Profile = profile,
        // A fresh executor section: only what replay uses is kept, torch's keys go back to their defaults.
        Executor = new ExecutorOptions
        {
            Kind = "profile",
            Clock = Executor.Clock,
            NoiseCv = Executor.NoiseCv,
            EstimateFactor = Executor.EstimateFactor,
            EstimateFactors = Executor.EstimateFactors,
            EstimateNoiseCv = Executor.EstimateNoiseCv,
        },
    };
}

public sealed record WorkloadOptions
{
    /// <summary><c>trace</c>, <c>poisson</c> or <c>fixed</c> (the reference producer).</summary>
    public string? Arrivals { get; init; }

    public TraceOptions? Trace { get; init; }

    /// <summary>Poisson: the request rates to sweep. Trace: each run rescales the trace to this mean (or peak) rate.</summary>
    public double[]? LoadsQps { get; init; }

    /// <summary>Trace only: <c>mean</c> or <c>peak</c>, what <c>loads_qps</c> sets.</summary>
    public string LoadScaling { get; init; } = "mean";

    /// <summary>Poisson and fixed: seconds of arrivals per load point.</summary>
    public double? DurationS { get; init; }

    /// <summary>Fixed arrivals only: the reference producer's clock.</summary>
    public ProducerOptions Producer { get; init; } = new();

    public JobSizeOptions JobSize { get; init; } = new();

    public double SlackMs { get; init; } = SimulationSettings.DefaultSlackMs;

    public AccuracyTargetOptions AccuracyTarget { get; init; } = new();
}

public sealed record TraceOptions
{
    public string? File { get; init; }

    /// <summary>per_second, time_value, timestamps, per_minute or per_hour.</summary>
    public string? Format { get; init; }

    public double StartS { get; init; }

    public double? DurationS { get; init; }

    public int SmoothS { get; init; }

    /// <summary>Optional [min, max]: an affine map of the window's rates onto this range (when loads_qps is absent).</summary>
    public double[]? QpsRange { get; init; }

    /// <summary><c>even</c> (job i of n at i/n s) or <c>by_size</c> (each job followed by size/requests s, as the reference producer).</summary>
    public string Spacing { get; init; } = "even";
}

public sealed record ProducerOptions
{
    /// <summary>Subtracted from each gap (size / qps) by the reference producer to make up for its own work.</summary>
    public double AdjustMs { get; init; } = ProducerTiming.DefaultAdjustMs;

    /// <summary>The producer's own work per job, which the adjustment over-corrects.</summary>
    public double OverheadMs { get; init; } = ProducerTiming.DefaultOverheadMs;
}

public sealed record JobSizeOptions
{
    /// <summary><c>normal</c> (max(1, r(N(mean, std))) capped at max) or <c>fixed</c>.</summary>
    public string Distribution { get; init; } = "normal";

    public double Mean { get; init; } = 1;

    public double Std { get; init; } = 6;

    public int Max { get; init; } = 32;

    /// <summary><c>truncate</c> (toward zero, the reference code) or <c>round</c>.</summary>
    public string Rounding { get; init; } = "truncate";

    /// <summary>The size when distribution is fixed.</summary>
    public int Size { get; init; } = 1;
}

public sealed record AccuracyTargetOptions
{
    public double Min { get; init; } = 0.6;

    public double Max { get; init; } = 0.743;

    /// <summary><c>run</c> (one target drawn per run) or <c>job</c> (one per job).</summary>
    public string Per { get; init; } = "run";
}

public sealed record SchedulerOptions
{
    /// <summary><c>ideal</c> (the algorithm as the paper states it) or <c>reference</c> (as the authors' code runs it).</summary>
    public string Engine { get; init; } = "ideal";

    /// <summary>The reference engine's settings (engine: reference only).</summary>
    public ReferenceOptions Reference { get; init; } = new();

    public int Workers { get; init; } = SimulationSettings.DefaultWorkers;

    public double GraceMs { get; init; } = SimulationSettings.DefaultGraceMs;

    /// <summary>0: the policy runs on arrivals and dispatches only.</summary>
    public double MonitorIntervalMs { get; init; }

    /// <summary>
    /// <c>measured</c>, <c>fixed</c> or <c>none</c>: what a solver decision costs on the simulated clock.
    /// With <c>none</c> the wall clock is not read at all (decisions untimed, no solver time-outs): fully deterministic.
    /// </summary>
    public string DecisionTime { get; init; } = "measured";

    /// <summary>The modelled cost of one decision when decision_time is fixed.</summary>
    public double DecisionTimeMs { get; init; }

    /// <summary>Budget margin of the online re-optimisation: T = margin x (sum of current latencies + slack).</summary>
    public double Margin { get; init; } = OnlineSolverSettings.DefaultMargin;

    /// <summary><c>exact</c> (multiple-choice knapsack DP) or <c>ortools</c> (CP-SAT).</summary>
    public string Solver { get; init; } = "exact";

    public double SolverTimeLimitMs { get; init; } = OnlineSolverSettings.DefaultTimeLimitMs;

    /// <summary>Latency resolution of the exact online solver.</summary>
    public double SolverResolutionUs { get; init; } = OnlineSolverSettings.DefaultResolutionUs;

    /// <summary>How long the run goes on after the last arrival; null: until every job has finished or been dropped.</summary>
    public double? DrainS { get; init; }

    /// <summary>The infaas policy's controller (ideal engine).</summary>
    public InfaasOptions Infaas { get; init; } = new();

    /// <summary>The proteus policy's planner (ideal engine).</summary>
    public ProteusOptions Proteus { get; init; } = new();
}

public sealed record InfaasOptions
{
    public double PeriodMs { get; init; } = InfaasSettings.DefaultPeriodMs;

    public double DowngradeUtilisation { get; init; } = InfaasSettings.DefaultDowngradeUtilisation;

    public double UpgradeUtilisation { get; init; } = InfaasSettings.DefaultUpgradeUtilisation;

    public int HysteresisPeriods { get; init; } = InfaasSettings.DefaultHysteresisPeriods;

    public double ViolationShare { get; init; } = InfaasSettings.DefaultViolationShare;
}

public sealed record ProteusOptions
{
    public double PeriodMs { get; init; } = ProteusSettings.DefaultPeriodMs;

    public double Utilisation { get; init; } = ProteusSettings.DefaultUtilisation;

    public double Smoothing { get; init; } = ProteusSettings.DefaultSmoothing;
}

public sealed record ReferenceOptions
{
    /// <summary>How long one blocking re-plan holds the monitor when solve_time is fixed.</summary>
    public double SolveMs { get; init; } = ReferenceSettings.DefaultSolveMs;

    /// <summary><c>fixed</c> (solve_ms) or <c>measured</c> (the exact solver's wall time, microseconds).</summary>
    public string SolveTime { get; init; } = "fixed";

    /// <summary>The monitor's own work in an iteration that solves, beyond the solve itself.</summary>
    public double SolveOverheadMs { get; init; } = ReferenceSettings.DefaultSolveOverheadMs;

    /// <summary>The maximize loop's own work per iteration (dynamic policies).</summary>
    public double MaximizeLoopMs { get; init; } = ReferenceSettings.DefaultMaximizeLoopMs;

    /// <summary>The no_policy loop's own work per iteration (none, fp16).</summary>
    public double NoPolicyLoopMs { get; init; } = ReferenceSettings.DefaultNoPolicyLoopMs;

    public int WarmupJobs { get; init; } = ReferenceSettings.DefaultWarmUpJobs;

    /// <summary>Estimate the worker's free time correctly (as coded, violators are found late by the running job's elapsed time).</summary>
    public bool FixLateDetector { get; init; }

    /// <summary>Map solver choices back correctly (as coded, many land on the most accurate cell).</summary>
    public bool FixIndexRemap { get; init; }

    /// <summary>Let the idle path take consecutive jobs (as coded, it takes every other one).</summary>
    public bool FixIdleSkip { get; init; }

    /// <summary>An idle worker sees an iteration's dispatches only when the monitor blocks in a solve or sleeps (a stricter reading of the code).</summary>
    public bool WorkerWaitsForMonitor { get; init; }
}

public sealed record ExecutorOptions
{
    /// <summary><c>profile</c> (replay the profile) or <c>torch</c> (real forward passes of the zoo model named by the profile, on the simulated clock).</summary>
    public string Kind { get; init; } = "profile";

    /// <summary>
    /// <c>virtual</c>: the simulated clock advances by each job's (measured or replayed) service time.
    /// <c>wall</c>: a live replay: arrivals wait for the wall clock, jobs run on worker threads while the
    /// scheduler and its solver keep working, everything timed on the wall clock (runs take as long as the trace).
    /// </summary>
    public string Clock { get; init; } = "virtual";

    /// <summary>torch only: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>torch only: <c>full</c> (published architecture) or <c>tiny</c>.</summary>
    public string Scale { get; init; } = "full";

    /// <summary>torch only: libtorch lib folder (else MOSEL_LIBTORCH, the NuGet CPU libtorch, or a PyTorch install).</summary>
    public string? Libtorch { get; init; }

    /// <summary>torch only: a weights file for the zoo model (.safetensors or TorchSharp's format; relative to the config); random seeded weights when absent.</summary>
    public string? Weights { get; init; }

    /// <summary>
    /// torch only: renames from a .safetensors checkpoint's tensor names to the model's, each <c>FROM=TO</c> (a prefix and
    /// its replacement; the first matching rule applies), e.g. <c>[model.=]</c>; <c>mosel weights names</c> shows both sides.
    /// </summary>
    public string[]? WeightsMap { get; init; }

    /// <summary>
    /// torch only: a digits dataset folder (from <c>mosel dataset build</c>, relative to the config) whose test split feeds
    /// the requests real inputs; each request's prediction is scored against its label. The model must be av-digits.
    /// </summary>
    public string? Dataset { get; init; }

    /// <summary>
    /// torch with a dataset: the split whose samples the requests carry, <c>test</c> (the split <c>mosel profile --accuracy</c>
    /// measures, so predicted and measured accuracy share their samples) or <c>validation</c> (samples the profile never saw).
    /// </summary>
    public string DatasetSplit { get; init; } = Datasets.DatasetSplit.Test;

    /// <summary>torch only: run every configuration at every batch size once before the run starts, so first-shape costs do not land on the first jobs.</summary>
    public bool Warmup { get; init; } = true;

    /// <summary>Coefficient of variation of seeded log-normal noise on true latencies.</summary>
    public double NoiseCv { get; init; }

    /// <summary>The scheduler plans with estimate = true x factor.</summary>
    public double EstimateFactor { get; init; } = 1;

    /// <summary>Per-configuration estimate factors (override estimate_factor), e.g. {audio: 0.8}.</summary>
    public Dictionary<string, double>? EstimateFactors { get; init; }

    /// <summary>Coefficient of variation of a seeded, per-(configuration, batch size) noise on the estimates.</summary>
    public double EstimateNoiseCv { get; init; }
}

public sealed record OutputOptions
{
    /// <summary>Write per-job and per-decision records (one row per job / decision); off unless asked for, since they grow with every job.</summary>
    public bool JobRecords { get; init; }

    /// <summary><c>csv.gz</c> (gzip-compressed CSV, the default), <c>csv</c> or <c>parquet</c>: the format of the per-job and per-decision records.</summary>
    public string RecordsFormat { get; init; } = "csv.gz";

    public double WindowS { get; init; } = SimulationSettings.DefaultWindowSeconds;
}
