namespace Mosel.Experiments.Configuration;

/// <summary>Typed changes to a whole experiment, applied to the options before validation.</summary>
public static class ExperimentPresets
{
    /// <summary>One seed and short runs (60 s per Poisson or fixed load point, 10 minutes of a trace): for CI and smoke checks, not for conclusions.</summary>
    public static ExperimentOptions Quick(ExperimentOptions options)
    {
        WorkloadOptions? workload = options.Workload;
        if (workload is not null)
        {
            workload = workload.Arrivals is "poisson" or "fixed"
                ? workload with { DurationS = 60 }
                : workload with { Trace = workload.Trace is null ? null : workload.Trace with { DurationS = 600 } };
        }
        return options with { Seeds = [1], Workload = workload };
    }
}
