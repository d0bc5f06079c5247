using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>scheduler:</c> (workers, grace, monitor ticks, decision time, the online solver, drain).</summary>
public static class SchedulerSection
{
    private static readonly Dictionary<string, DecisionTimeCharge> s_charges = new()
    {
        ["measured"] = DecisionTimeCharge.Measured,
        ["fixed"] = DecisionTimeCharge.Fixed,
        ["none"] = DecisionTimeCharge.None,
    };

    private static readonly Dictionary<string, bool> s_engines = new() { ["ideal"] = false, ["reference"] = true };
    private static readonly Dictionary<string, bool> s_solveTimes = new() { ["fixed"] = false, ["measured"] = true };

    private static readonly Dictionary<string, OnlineSolverKind> s_solvers = new() { ["exact"] = OnlineSolverKind.Exact, ["ortools"] = OnlineSolverKind.OrTools };

    /// <returns>
    /// The engine settings this section decides (slack, window and the wall clock's effect come from the other sections), the
    /// solver's, the reference engine's when <c>engine: reference</c> (null for the ideal engine), and the infaas and proteus
    /// policies'.
    /// </returns>
    public static (SimulationSettings Settings, OnlineSolverSettings Solver, ReferenceSettings? Reference, InfaasSettings Infaas, ProteusSettings Proteus)? Validate(
        SchedulerOptions scheduler, ConfigErrors v)
    {
        bool? reference = v.OneOf(scheduler.Engine, "scheduler.engine", s_engines, "'ideal' or 'reference'");
        ReferenceSettings? referenceSettings = reference == true ? Reference(scheduler, v) : null;
        if (reference == false)
        {
            v.Check(scheduler.Reference == new ReferenceOptions(), "scheduler.reference", "only used with engine: reference");
        }
        v.Check(scheduler.Workers is >= 1 and <= ConfigLimits.MaxWorkers, "scheduler.workers", $"must be in [1, {ConfigLimits.MaxWorkers}], found {scheduler.Workers}");
        v.Check(scheduler.GraceMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "scheduler.grace_ms", $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {scheduler.GraceMs}");
        v.Check(scheduler.MonitorIntervalMs == 0 || scheduler.MonitorIntervalMs is >= ConfigLimits.MinIntervalMs and <= ConfigLimits.MaxMilliseconds, "scheduler.monitor_interval_ms",
            $"must be 0 (off) or in [{ConfigLimits.MinIntervalMs}, {ConfigLimits.MaxMilliseconds}], found {scheduler.MonitorIntervalMs}");
        DecisionTimeCharge? charge = v.OneOf(scheduler.DecisionTime, "scheduler.decision_time", s_charges, "'measured', 'fixed' or 'none'");
        v.Check(scheduler.DecisionTimeMs is >= 0 and <= ConfigLimits.MaxDecisionMs, "scheduler.decision_time_ms", $"must be in [0, {ConfigLimits.MaxDecisionMs}], found {scheduler.DecisionTimeMs}");
        v.Check(scheduler.Margin > 0 && scheduler.Margin <= 1, "scheduler.margin", $"must be in (0, 1], found {scheduler.Margin}");
        OnlineSolverKind? solver = v.OneOf(scheduler.Solver, "scheduler.solver", s_solvers, "'exact' or 'ortools'");
        v.Check(scheduler.SolverTimeLimitMs is > 0 and <= ConfigLimits.MaxDecisionMs, "scheduler.solver_time_limit_ms", $"must be in (0, {ConfigLimits.MaxDecisionMs}], found {scheduler.SolverTimeLimitMs}");
        v.Check(scheduler.SolverResolutionUs is >= ConfigLimits.MinResolutionUs and <= ConfigLimits.MaxResolutionUs, "scheduler.solver_resolution_us",
            $"must be in [{ConfigLimits.MinResolutionUs}, {ConfigLimits.MaxResolutionUs}], found {scheduler.SolverResolutionUs}");
        v.Check(scheduler.DrainS is null or (>= 0 and <= ArrivalTrace.MaxDurationSeconds), "scheduler.drain_s", $"must be in [0, {ArrivalTrace.MaxDurationSeconds}], found {scheduler.DrainS}");
        InfaasSettings infaas = Infaas(scheduler.Infaas, v);
        ProteusSettings proteus = Proteus(scheduler.Proteus, v);
        if (reference == true)
        {
            v.Check(scheduler.Infaas == new InfaasOptions(), "scheduler.infaas", "only used with engine: ideal (the reference engine runs none, fp16, dynamic and dynamic+fp16)");
            v.Check(scheduler.Proteus == new ProteusOptions(), "scheduler.proteus", "only used with engine: ideal (the reference engine runs none, fp16, dynamic and dynamic+fp16)");
        }
        if (charge is null || solver is null || reference is null || (reference == true && referenceSettings is null))
        {
            return null;
        }
        var settings = new SimulationSettings
        {
            Workers = scheduler.Workers,
            GraceSeconds = scheduler.GraceMs / 1000,
            MonitorIntervalSeconds = scheduler.MonitorIntervalMs / 1000,
            DecisionCharge = charge.Value,
            FixedDecisionSeconds = scheduler.DecisionTimeMs / 1000,
            DrainSeconds = scheduler.DrainS ?? double.PositiveInfinity,
        };
        var solverSettings = new OnlineSolverSettings
        {
            Margin = scheduler.Margin,
            Kind = solver.Value,
            TimeLimitSeconds = scheduler.SolverTimeLimitMs / 1000,
            ResolutionSeconds = scheduler.SolverResolutionUs / 1e6,
        };
        return (settings, solverSettings, referenceSettings is null ? null : referenceSettings with { Margin = scheduler.Margin, GraceSeconds = settings.GraceSeconds, DrainSeconds = settings.DrainSeconds },
            infaas, proteus);
    }

    private static InfaasSettings Infaas(InfaasOptions options, ConfigErrors v)
    {
        v.Check(options.PeriodMs is >= ConfigLimits.MinIntervalMs and <= ConfigLimits.MaxMilliseconds, "scheduler.infaas.period_ms",
            $"must be in [{ConfigLimits.MinIntervalMs}, {ConfigLimits.MaxMilliseconds}], found {options.PeriodMs}");
        v.Check(options.DowngradeUtilisation is > 0 and <= 1, "scheduler.infaas.downgrade_utilisation", $"must be in (0, 1], found {options.DowngradeUtilisation}");
        v.Check(options.UpgradeUtilisation > 0 && options.UpgradeUtilisation < options.DowngradeUtilisation, "scheduler.infaas.upgrade_utilisation",
            $"must be in (0, downgrade_utilisation) so that an upgrade cannot trigger the next downgrade at once, found {options.UpgradeUtilisation}");
        v.Check(options.HysteresisPeriods is >= 1 and <= ConfigLimits.MaxHysteresisPeriods, "scheduler.infaas.hysteresis_periods",
            $"must be in [1, {ConfigLimits.MaxHysteresisPeriods}], found {options.HysteresisPeriods}");
        v.Check(options.ViolationShare is >= 0 and < 1, "scheduler.infaas.violation_share", $"must be in [0, 1), found {options.ViolationShare}");
        return new InfaasSettings
        {
            PeriodSeconds = options.PeriodMs / 1000,
            DowngradeUtilisation = options.DowngradeUtilisation,
            UpgradeUtilisation = options.UpgradeUtilisation,
            HysteresisPeriods = options.HysteresisPeriods,
            ViolationShare = options.ViolationShare,
        };
    }

    private static ProteusSettings Proteus(ProteusOptions options, ConfigErrors v)
    {
        v.Check(options.PeriodMs is >= ConfigLimits.MinIntervalMs and <= ConfigLimits.MaxMilliseconds, "scheduler.proteus.period_ms",
            $"must be in [{ConfigLimits.MinIntervalMs}, {ConfigLimits.MaxMilliseconds}], found {options.PeriodMs}");
        v.Check(options.Utilisation is > 0 and <= 1, "scheduler.proteus.utilisation", $"must be in (0, 1], found {options.Utilisation}");
        v.Check(options.Smoothing is > 0 and <= 1, "scheduler.proteus.smoothing", $"must be in (0, 1], found {options.Smoothing}");
        return new ProteusSettings { PeriodSeconds = options.PeriodMs / 1000, Utilisation = options.Utilisation, Smoothing = options.Smoothing };
    }

    /// <summary>The reference engine's keys, and the ideal engine's keys it does not use.</summary>
    private static ReferenceSettings? Reference(SchedulerOptions scheduler, ConfigErrors v)
    {
        ReferenceOptions options = scheduler.Reference;
        v.Check(options.SolveMs is >= 0 and <= ConfigLimits.MaxDecisionMs, "scheduler.reference.solve_ms", $"must be in [0, {ConfigLimits.MaxDecisionMs}], found {options.SolveMs}");
        bool? measured = v.OneOf(options.SolveTime, "scheduler.reference.solve_time", s_solveTimes, "'fixed' or 'measured'");
        v.Check(options.SolveOverheadMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "scheduler.reference.solve_overhead_ms",
            $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {options.SolveOverheadMs}");
        v.Check(options.MaximizeLoopMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "scheduler.reference.maximize_loop_ms",
            $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {options.MaximizeLoopMs}");
        v.Check(options.NoPolicyLoopMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "scheduler.reference.no_policy_loop_ms",
            $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {options.NoPolicyLoopMs}");
        v.Check(options.WarmupJobs is >= 0 and <= ConfigLimits.MaxWarmUpJobs, "scheduler.reference.warmup_jobs", $"must be in [0, {ConfigLimits.MaxWarmUpJobs}], found {options.WarmupJobs}");
        v.Check(scheduler.Workers == 1, "scheduler.workers", "the reference engine has one worker, as the authors' code");
        v.Check(scheduler.MonitorIntervalMs == 0, "scheduler.monitor_interval_ms", "only used with engine: ideal (the reference monitor sets its own pace)");
        v.Check(scheduler.DecisionTimeMs == 0, "scheduler.decision_time_ms", "only used with engine: ideal (the reference engine's solve time is scheduler.reference.solve_ms)");
        v.Check(scheduler.Solver == "exact", "scheduler.solver", "the reference engine solves its re-plans with the exact solver");
        if (measured is null)
        {
            return null;
        }
        return new ReferenceSettings
        {
            SolveSeconds = options.SolveMs / 1000,
            MeasuredSolve = measured.Value,
            SolveOverheadSeconds = options.SolveOverheadMs / 1000,
            MaximizeLoopSeconds = options.MaximizeLoopMs / 1000,
            NoPolicyLoopSeconds = options.NoPolicyLoopMs / 1000,
            WarmUpJobs = options.WarmupJobs,
            LateDetector = !options.FixLateDetector,
            IdleEveryOther = !options.FixIdleSkip,
            WorkerWaitsForMonitor = options.WorkerWaitsForMonitor,
            IndexRemapAsCoded = !options.FixIndexRemap,
            SolverTimeLimitSeconds = scheduler.SolverTimeLimitMs / 1000,
        };
    }
}
