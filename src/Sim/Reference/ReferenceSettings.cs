using Mosel.Sim.Engine;

namespace Mosel.Sim.Reference;

/// <summary>
/// The reference engine's knobs, with the values of the authors' code as defaults. The three flags name behaviours of
/// that code that are defects; each defaults to "as coded" so a user can switch it off and see its effect.
/// </summary>
public sealed record ReferenceSettings
{
    public const double DefaultSolveMs = 41;
    public const double DefaultSolveOverheadMs = 3;
    public const double DefaultMaximizeLoopMs = 1;
    public const double DefaultNoPolicyLoopMs = 1.5;
    public const int DefaultWarmUpJobs = 4;
    public const int MaximizePullCap = 20;
    public const int NoPolicyPullCap = 30;
    public const double PullExtraSeconds = 0.005;
    public const double IdleStartSeconds = 0.003;
    public const double IdleBudgetSeconds = 0.100;
    public const double NoPolicySleepFloorSeconds = 0.0002;
    public const double NoPolicySleepShare = 0.75;
    public const double MaximizeSleepFloorSeconds = 0.002;
    public const double MaximizeSleepShare = 0.7;
    public const int WarmUpSize = 32;
    public const double WarmUpSpacingSeconds = 2;
    public const double WarmUpDeadlineSeconds = 4;

    public ReferenceMode Mode { get; init; } = ReferenceMode.Maximize;

    /// <summary>Deadline = creation + all-modality latency + slack (17 ms in the reference sweeps, 55 ms for the trace run).</summary>
    public double SlackSeconds { get; init; } = 0.017;

    /// <summary>The worker drops a job whose start + estimated latency exceeds its (extended) deadline + grace.</summary>
    public double GraceSeconds { get; init; } = SimulationSettings.DefaultGraceMs / 1000;

    /// <summary>The re-plan budget T = margin x (sum of the affected jobs' latencies + diff).</summary>
    public double Margin { get; init; } = 0.91;

    /// <summary>How long one blocking re-plan holds the monitor (no dispatch meanwhile); the reference's comment says about 41 ms.</summary>
    public double SolveSeconds { get; init; } = DefaultSolveMs / 1000;

    /// <summary>Charge each re-plan's measured wall time instead of <see cref="SolveSeconds"/>.</summary>
    public bool MeasuredSolve { get; init; }

    /// <summary>A re-plan that takes longer than this falls back to <c>random_fill</c> (the reference's time-out).</summary>
    public double SolverTimeLimitSeconds { get; init; } = 0.100;

    /// <summary>
    /// The monitor's own work in an iteration that solves, beyond the solve, the loop cost and the sleep: the real run's
    /// solves were a median 47.3 ms apart, 41 ms of solve + the 2-ms sleep + the 1-ms loop + about 3 ms more.
    /// </summary>
    public double SolveOverheadSeconds { get; init; } = DefaultSolveOverheadMs / 1000;

    /// <summary>
    /// The maximize loop's own work per iteration (unpickling pulled jobs, sorting, locks, sleep overshoot): about 1 ms
    /// in the real run.
    /// </summary>
    public double MaximizeLoopSeconds { get; init; } = DefaultMaximizeLoopMs / 1000;

    /// <summary>The no_policy loop's own work per iteration: as maximize's, and it prints its whole EDF list; about 1.5 ms in the real run.</summary>
    public double NoPolicyLoopSeconds { get; init; } = DefaultNoPolicyLoopMs / 1000;

    /// <summary>As coded, the violator detector subtracts the running job's elapsed time twice, so violators are found late.</summary>
    public bool LateDetector { get; init; } = true;

    /// <summary>As coded, the idle path advances its index after removing a job, so it takes every other job.</summary>
    public bool IdleEveryOther { get; init; } = true;

    /// <summary>As coded, a re-plan's choice is mapped back with an index check that sends many jobs to their most accurate cell (read by the planner's builder).</summary>
    public bool IndexRemapAsCoded { get; init; } = true;

    /// <summary>
    /// A stricter reading of the code: an idle worker sees none of an iteration's dispatches until the monitor blocks in a
    /// solve or goes to sleep (the queue's feeder thread needs the interpreter lock the monitor holds), so
    /// <c>detect_delay</c> too reads the counter and the last start before the worker takes, drops or resets anything.
    /// Off by default: the worker takes a dispatched job at once, after the idle path's read of the counter.
    /// </summary>
    public bool WorkerWaitsForMonitor { get; init; }

    /// <summary>Jobs of size 32, 2 s apart, before the load (the load starts after them); they count as processed in the tracer only.</summary>
    public int WarmUpJobs { get; init; } = DefaultWarmUpJobs;

    public double WindowSeconds { get; init; } = SimulationSettings.DefaultWindowSeconds;

    /// <summary>How long after the last arrival the run goes on; jobs still waiting then count as queued at end.</summary>
    public double DrainSeconds { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// Jump over monitor iterations that can change nothing (the default). Off, the engine steps through every one: the
    /// tests compare both, since the jump must land on the same wake times.
    /// </summary>
    internal bool SkipQuietIterations { get; init; } = true;

    public int PullCap => Mode == ReferenceMode.Maximize ? MaximizePullCap : NoPolicyPullCap;

    /// <summary>The mode's loop cost per iteration.</summary>
    public double LoopSeconds => Mode == ReferenceMode.Maximize ? MaximizeLoopSeconds : NoPolicyLoopSeconds;

    /// <summary>The shortest sleep of the mode's monitor loop.</summary>
    public double SleepFloorSeconds => Mode == ReferenceMode.Maximize ? MaximizeSleepFloorSeconds : NoPolicySleepFloorSeconds;
}
