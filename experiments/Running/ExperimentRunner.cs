using System.Collections.Concurrent;
using System.Diagnostics;
using Mosel.Executor.Execution;
using Mosel.Executor.Native;
using Mosel.Experiments.Configuration;
using Mosel.Policies;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Reference;
using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Running;

/// <summary>Builds and runs every run of a study (each point's policy x load x seed); runs are independent, so they go in parallel.</summary>
public static class ExperimentRunner
{
    /// <param name="recorderFor">A recorder per run (for per-job records), or null for none.</param>
    /// <param name="completed">Called after each run, from any thread.</param>
    public static IReadOnlyList<RunOutcome> Run(ExperimentConfig config, Func<RunSpec, IRunRecorder?>? recorderFor = null,
        Action<RunOutcome>? completed = null, int? parallelism = null) => Run(Study.Of(config), recorderFor, completed, parallelism);

    /// <inheritdoc cref="Run(ExperimentConfig, Func{RunSpec, IRunRecorder?}?, Action{RunOutcome}?, int?)"/>
    public static IReadOnlyList<RunOutcome> Run(Study study, Func<RunSpec, IRunRecorder?>? recorderFor = null,
        Action<RunOutcome>? completed = null, int? parallelism = null)
    {
        IReadOnlyList<RunSpec> runs = study.Runs;
        var outcomes = new RunOutcome[runs.Count];
        StrategyMatrices[] matrices = study.Points.Select(StrategyMatrices.For).ToArray();
        // Real forward passes and live replays are timed: runs must not share the device or the clock.
        bool timed = study.Points.Any(p => p.Torch is not null || p.LiveReplay);
        var options = new ParallelOptions { MaxDegreeOfParallelism = timed ? 1 : parallelism ?? Environment.ProcessorCount };
        // Longest runs first, handed out one at a time: the last runs to finish are short ones, so cores do not idle at the
        // end of a study. Outcomes keep the runs' order whatever order they ran in.
        Parallel.ForEach(Partitioner.Create(LongestFirst(study), EnumerablePartitionerOptions.NoBuffering), options, i =>
        {
            RunSpec run = runs[i];
            ExperimentConfig config = study.ConfigOf(run);
            IRunRecorder? recorder = recorderFor?.Invoke(run);
            try
            {
                outcomes[i] = RunOne(config, run, recorder, ClockFor(config), matrices[run.Point.Index]);
            }
            finally
            {
                (recorder as IDisposable)?.Dispose();
            }
            completed?.Invoke(outcomes[i]);
        });
        return outcomes;
    }

    /// <summary>
    /// Run indices by expected events, largest first (an overloaded baseline can cost as much as a re-planning policy, so
    /// the policy only breaks ties: modality-selecting ones first).
    /// </summary>
    private static int[] LongestFirst(Study study)
    {
        IReadOnlyList<RunSpec> runs = study.Runs;
        double[] events = RunBudget.EventsPerRun(study);
        return Enumerable.Range(0, runs.Count)
            .OrderByDescending(i => events[i])
            .ThenByDescending(i => PolicyCatalog.PlansToTargets(runs[i].Policy))
            .ThenBy(i => i)
            .ToArray();
    }

    /// <summary>
    /// Only decision_time: measured (and a live replay) reads the wall clock. With none or fixed, decisions are
    /// not timed (the exact solver's time limit never fires, OR-Tools stops on deterministic time), so the same
    /// seed gives byte-identical files.
    /// </summary>
    public static IWallClock ClockFor(ExperimentConfig config) => TimesDecisions(config) ? StopwatchClock.Instance : FrozenClock.Instance;

    /// <summary>Whether decisions are timed on the wall clock: decision_time measured, or a live replay (whose charge is always none).</summary>
    private static bool TimesDecisions(ExperimentConfig config) => config.Reference is { } reference
        ? reference.MeasuredSolve
        : config.LiveReplay || config.Settings.DecisionCharge == DecisionTimeCharge.Measured;

    /// <param name="matrices">Strategy matrices shared with the experiment's other runs, or null to build this run's own.</param>
    public static RunOutcome RunOne(ExperimentConfig config, RunSpec run, IRunRecorder? recorder, IWallClock clock, StrategyMatrices? matrices = null)
    {
        long started = Stopwatch.GetTimestamp();
        using RunParts parts = Build(config, run, recorder, clock, matrices);
        RunResult result = parts.Simulation.Run();
        return new RunOutcome(run, result, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public static RunParts Build(ExperimentConfig config, RunSpec run, IRunRecorder? recorder, IWallClock clock, StrategyMatrices? matrices = null)
    {
        matrices ??= StrategyMatrices.For(config);
        Precision precision = PolicyCatalog.PrecisionOf(run.Policy);
        var truth = new LatencyModel(config.Profile, precision);
        LatencyModel estimate = config.CreateEstimate(precision, run.Seed);
        TorchExecutor? torchExecutor = config.Torch is { } torch
            ? new TorchExecutor(ZooModels.Get(torch.Model, torch.Scale, torch.Weights, torch.WeightNames), config.Profile, torch.Device, precision, run.Seed,
                torch.Dataset is null ? null : ScoringSamples.Get(torch.Dataset))
            : null;
        IExecutor executor = (IExecutor?)torchExecutor ?? new ProfileReplayExecutor(truth, config.NoiseCv, SeedStreams.Create((ulong)run.Seed, "service-noise"));
        LiveReplayService? live = null;
        if (config.LiveReplay)
        {
            Func<IDisposable?>? workerThreadScope = torchExecutor is null
                ? null
                : () => PrepareTorchWorker(config.Torch!, torchExecutor, config.Settings.Workers);
            live = new LiveReplayService(executor, precision, config.Settings.Workers, sleepForServiceTime: torchExecutor is null, workerThreadScope);
        }
        else if (config.Torch is { WarmUp: true })
        {
            torchExecutor!.WarmUp();
        }
        IArrivalSource arrivals = config.CreateArrivals(run.LoadQps, run.Seed);
        ISimulation simulation = config.Reference is { } reference
            ? ReferenceEngine(reference, run.Policy, matrices.Get(estimate), config.Solver, executor, arrivals, truth, clock, recorder)
            : new Simulation(config.Settings, IdealPolicy(config, run.Policy, run.Seed, estimate, matrices, clock), executor, arrivals, truth, clock, recorder, live);
        return new RunParts(simulation, executor, live);
    }

    private static ISchedulingPolicy IdealPolicy(ExperimentConfig config, string policy, int seed, LatencyModel estimate, StrategyMatrices matrices, IWallClock clock) =>
        PolicyCatalog.Create(policy, new PolicyContext(estimate, clock,
            // Untimed decisions need a solver that stops on work done, not on seconds.
            config.Solver with { DeterministicTimeLimit = !TimesDecisions(config) })
        {
            Matrix = PolicyCatalog.PlansToTargets(policy) ? matrices.Get(estimate) : null,
            Seed = (ulong)seed,
            Workers = config.Settings.Workers,
            Infaas = config.Infaas,
            Proteus = config.Proteus,
        });

    /// <summary>The authors' monitor loop for the policy: no_policy for the all-modality baselines, maximize for MOSEL.</summary>
    private static ReferenceSimulation ReferenceEngine(ReferenceSettings reference, string policy, StrategyMatrix matrix, OnlineSolverSettings solver,
        IExecutor executor, IArrivalSource arrivals, LatencyModel truth, IWallClock clock, IRunRecorder? recorder)
    {
        ReferenceMode mode = PolicyCatalog.PlansToTargets(policy) ? ReferenceMode.Maximize : ReferenceMode.NoPolicy;
        var planner = ReferencePlanner.Build(matrix, solver, reference.IndexRemapAsCoded);
        return new ReferenceSimulation(reference with { Mode = mode }, planner, executor, arrivals, truth, clock, recorder);
    }

    /// <summary>On a live worker's own thread: its share of the CPU cores, then the warm-up where the forward passes will run.</summary>
    private static IDisposable? PrepareTorchWorker(TorchExecution torch, TorchExecutor executor, int workers)
    {
        IDisposable? threads = torch.Device == TorchDevice.Cpu ? TorchRuntime.ShareCpuWithScheduler(workers) : null;
        if (torch.WarmUp)
        {
            executor.WarmUp();
        }
        return threads;
    }
}
