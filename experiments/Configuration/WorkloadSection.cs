using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>workload:</c> (arrivals, loads, trace window, job sizes, slack, accuracy targets) without reading the trace.</summary>
public static class WorkloadSection
{
    private static readonly Dictionary<string, ArrivalKind> s_arrivals = new() { ["trace"] = ArrivalKind.Trace, ["poisson"] = ArrivalKind.Poisson, ["fixed"] = ArrivalKind.Fixed };
    private static readonly Dictionary<string, SecondSpacing> s_spacing = new() { ["even"] = SecondSpacing.Even, ["by_size"] = SecondSpacing.BySize };
    private static readonly Dictionary<string, RescaleKind> s_scaling = new() { ["mean"] = RescaleKind.Mean, ["peak"] = RescaleKind.Peak };
    private static readonly Dictionary<string, SizeRounding> s_rounding = new() { ["truncate"] = SizeRounding.Truncate, ["round"] = SizeRounding.Round };

    /// <param name="folder">The config file's folder: relative trace paths are relative to it.</param>
    public static WorkloadPlan? Validate(WorkloadOptions? workload, string folder, ConfigErrors v)
    {
        if (v.Required(workload, "workload") is null)
        {
            return null;
        }
        ArrivalKind? arrivals = v.Required(workload!.Arrivals, "workload.arrivals") is null
            ? null
            : v.OneOf(workload.Arrivals, "workload.arrivals", s_arrivals, "'trace', 'poisson' or 'fixed'");
        double[]? loads = workload.LoadsQps;
        if (loads is not null)
        {
            v.Check(loads.Length > 0, "workload.loads_qps", "list at least one load");
            for (int i = 0; i < loads.Length; i++)
            {
                v.Check(double.IsFinite(loads[i]) && loads[i] > 0, $"workload.loads_qps[{i}]", $"a load must be a positive number of requests per second, found {loads[i]}");
            }
        }
        RescaleKind? loadScaling = v.OneOf(workload.LoadScaling, "workload.load_scaling", s_scaling, "'mean' or 'peak'");

        double sweepDuration = 0;
        TracePlan? trace = null;
        if (arrivals is ArrivalKind.Poisson or ArrivalKind.Fixed)
        {
            v.Check(loads is not null, "workload.loads_qps", $"missing required key ({workload.Arrivals} arrivals need the rates to run)");
            if (v.Required(workload.DurationS, "workload.duration_s") is double duration)
            {
                sweepDuration = duration;
                v.Check(double.IsFinite(duration) && duration > 0 && duration <= ArrivalTrace.MaxDurationSeconds, "workload.duration_s",
                    $"must be in (0, {ArrivalTrace.MaxDurationSeconds}] s, found {duration}");
            }
            v.Check(workload.Trace is null, "workload.trace", "only used with arrivals: trace");
        }
        else if (arrivals == ArrivalKind.Trace)
        {
            trace = Trace(workload, loads, folder, v);
        }

        ProducerOptions producer = workload.Producer;
        v.Check(producer.AdjustMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "workload.producer.adjust_ms", $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {producer.AdjustMs}");
        v.Check(producer.OverheadMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "workload.producer.overhead_ms", $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {producer.OverheadMs}");
        v.Check(arrivals is null or ArrivalKind.Fixed || producer == new ProducerOptions(), "workload.producer", "only used with arrivals: fixed");
        JobSizeDistribution? sizes = JobSizes(workload.JobSize, v);
        v.Check(workload.SlackMs is >= 0 and <= ConfigLimits.MaxMilliseconds, "workload.slack_ms", $"must be in [0, {ConfigLimits.MaxMilliseconds}], found {workload.SlackMs}");

        AccuracyTargetOptions target = workload.AccuracyTarget;
        bool minOk = v.Check(target.Min >= 0 && target.Min <= 1, "workload.accuracy_target.min", $"must be in [0, 1], found {target.Min}");
        bool maxOk = v.Check(target.Max >= 0 && target.Max <= 1, "workload.accuracy_target.max", $"must be in [0, 1], found {target.Max}");
        if (minOk && maxOk)
        {
            v.Check(target.Min <= target.Max, "workload.accuracy_target", $"min ({target.Min}) must not exceed max ({target.Max})");
        }
        v.Check(target.Per is "run" or "job", "workload.accuracy_target.per", $"must be 'run' or 'job', found '{target.Per}'");

        SecondSpacing? spacing = v.OneOf(workload.Trace?.Spacing ?? "even", "workload.trace.spacing", s_spacing, "'even' or 'by_size'");

        if (arrivals is null || loadScaling is null || sizes is null || spacing is null || (arrivals == ArrivalKind.Trace && trace is null) || v.Any)
        {
            return null;
        }
        return new WorkloadPlan(arrivals.Value, loads is null ? [null] : loads.Select(l => (double?)l).ToArray(), loadScaling.Value, sweepDuration, trace,
            sizes, workload.SlackMs / 1000, target.Min, target.Max, target.Per == "job", new ProducerTiming(producer.AdjustMs / 1000, producer.OverheadMs / 1000),
            spacing.Value);
    }

    private static TracePlan? Trace(WorkloadOptions workload, double[]? loads, string folder, ConfigErrors v)
    {
        TraceOptions? options = v.Required(workload.Trace, "workload.trace");
        v.Check(workload.DurationS is null, "workload.duration_s", "only used with arrivals: poisson or fixed (use workload.trace.duration_s)");
        if (options is null)
        {
            return null;
        }
        string? file = v.Required(options.File, "workload.trace.file");
        TraceFormat? format = null;
        if (v.Required(options.Format, "workload.trace.format") is string formatName)
        {
            if (TraceFormatNames.ByName.TryGetValue(formatName, out TraceFormat known))
            {
                format = known;
            }
            else
            {
                v.Add("workload.trace.format", $"unknown format '{formatName}' (known: {string.Join(", ", TraceFormatNames.ByName.Keys)})");
            }
        }
        v.Check(options.SmoothS is >= 0 and <= ConfigLimits.MaxSmoothSeconds, "workload.trace.smooth_s", $"must be in [0, {ConfigLimits.MaxSmoothSeconds}], found {options.SmoothS}");
        var shape = new TraceShape(options.StartS, options.DurationS, options.SmoothS);
        if (options.QpsRange is double[] range)
        {
            v.Check(range.Length == 2 && range[0] >= 0 && range[1] > range[0] && double.IsFinite(range[1]), "workload.trace.qps_range",
                "must be [min, max] with 0 <= min < max");
            v.Check(loads is null, "workload.trace.qps_range", "give either qps_range or loads_qps, not both");
            if (range.Length == 2)
            {
                shape = shape with { Rescale = RescaleKind.Range, RangeMinQps = range[0], RangeMaxQps = range[1] };
            }
        }
        return file is null || format is null ? null : new TracePlan(Path.GetFullPath(Path.Combine(folder, file)), format.Value, shape);
    }

    private static JobSizeDistribution? JobSizes(JobSizeOptions options, ConfigErrors v)
    {
        switch (options.Distribution)
        {
            case "fixed":
                return v.Check(options.Size >= 1, "workload.job_size.size", $"must be >= 1, found {options.Size}") ? JobSizeDistribution.Fixed(options.Size) : null;
            case "normal":
                bool ok = v.Check(options.Std is > 0 and <= ConfigLimits.MaxJobSizeMoment, "workload.job_size.std", $"must be in (0, {ConfigLimits.MaxJobSizeMoment}], found {options.Std}");
                ok &= v.Check(options.Mean is >= -ConfigLimits.MaxJobSizeMoment and <= ConfigLimits.MaxJobSizeMoment, "workload.job_size.mean",
                    $"must be in [-{ConfigLimits.MaxJobSizeMoment}, {ConfigLimits.MaxJobSizeMoment}], found {options.Mean}");
                ok &= v.Check(options.Max >= 1, "workload.job_size.max", $"must be >= 1, found {options.Max}");
                SizeRounding? rounding = v.OneOf(options.Rounding, "workload.job_size.rounding", s_rounding, "'truncate' or 'round'");
                return ok && rounding is not null ? JobSizeDistribution.Normal(options.Mean, options.Std, options.Max, rounding.Value) : null;
            default:
                v.Add("workload.job_size.distribution", $"must be 'normal' or 'fixed', found '{options.Distribution}'");
                return null;
        }
    }
}
