using Mosel.Policies.Online;
using Mosel.Sim.Engine;
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

    private static readonly Dictionary<string, OnlineSolverKind> s_solvers = new() { ["exact"] = OnlineSolverKind.Exact, ["ortools"] = OnlineSolverKind.OrTools };

    /// <returns>The engine settings this section decides (slack, window and the wall clock's effect come from the other sections), and the solver's.</returns>
    public static (SimulationSettings Settings, OnlineSolverSettings Solver)? Validate(SchedulerOptions scheduler, ConfigErrors v)
    {
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
        if (charge is null || solver is null)
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
        return (settings, solverSettings);
    }
}
