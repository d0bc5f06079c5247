using Mosel.Experiments.Safety;
using Mosel.Policies;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// YAML config -> options (strict keys) -> validated <see cref="ExperimentConfig"/>. Every failure is a
/// <see cref="ConfigException"/> whose message names the file and the key, before anything is written.
/// </summary>
public static class ConfigLoader
{
    // Ranges every run on a 2-core, 24 GB machine can honour; README "Configuration" lists them.
    public const int MaxWorkers = 1024;
    public const int MaxSeeds = 10_000;
    public const int MaxSmoothSeconds = 86_400;
    public const double MaxMilliseconds = 1e9;
    public const double MinIntervalMs = 0.01;
    public const double MaxDecisionMs = 60_000;
    public const double MinResolutionUs = 0.1;
    public const double MaxResolutionUs = 1e6;
    public const double MaxNoiseCv = 10;
    public const double MinFactor = 0.01;
    public const double MaxFactor = 100;
    public const double MinWindowSeconds = 0.001;
    public const double MaxJobSizeMoment = 1e6;

    public static ExperimentConfig Load(string path, IReadOnlyList<string>? overrides = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: config file not found");
        }
        ExperimentOptions options = StrictYaml.Deserialize<ExperimentOptions>(File.ReadAllText(path), path, overrides);
        return Validate(options, path);
    }

    public static ExperimentConfig Validate(ExperimentOptions options, string path)
    {
        var v = new Validator(path);
        string name = options.Name ?? Path.GetFileNameWithoutExtension(path);
        v.Check(RunName.IsPlain(name), "name", options.Name is null
            ? $"the config file's name '{name}' is not a plain run name ({RunName.Rule}); set name:"
            : $"'{name}' is not {RunName.Rule}");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

        string profilePath = Path.GetFullPath(Path.Combine(folder, v.Required(options.Profile, "profile")));
        ModelProfile profile = ProfileFile.Load(profilePath);

        string[] policies = v.Required(options.Policies, "policies");
        v.Check(policies.Length > 0, "policies", "list at least one policy");
        foreach (string policy in policies)
        {
            v.Check(PolicyCatalog.IsKnown(policy), "policies", $"unknown policy '{policy}' (known: {string.Join(", ", PolicyCatalog.Names)})");
            Precision precision = PolicyCatalog.PrecisionOf(policy);
            v.Check(profile.HasPrecision(precision), "policies", $"policy '{policy}' needs a {precision.ToName()} latency table, which {profilePath} lacks");
        }
        v.Check(policies.Distinct().Count() == policies.Length, "policies", "a policy is listed twice");
        v.Check(options.Seeds.Length is > 0 and <= MaxSeeds, "seeds", $"list between 1 and {MaxSeeds} seeds, found {options.Seeds.Length}");
        v.Check(options.Seeds.Distinct().Count() == options.Seeds.Length, "seeds", "a seed is listed twice");

        WorkloadOptions workload = v.Required(options.Workload, "workload");
        string arrivalsName = v.Required(workload.Arrivals, "workload.arrivals");
        ArrivalKind arrivals = arrivalsName switch
        {
            "trace" => ArrivalKind.Trace,
            "poisson" => ArrivalKind.Poisson,
            _ => throw v.Error("workload.arrivals", $"must be 'trace' or 'poisson', found '{arrivalsName}'"),
        };
        double[]? loads = workload.LoadsQps;
        if (loads is not null)
        {
            v.Check(loads.Length > 0, "workload.loads_qps", "list at least one load");
            for (int i = 0; i < loads.Length; i++)
            {
                v.Check(double.IsFinite(loads[i]) && loads[i] > 0, $"workload.loads_qps[{i}]", $"a load must be a positive number of requests per second, found {loads[i]}");
            }
        }
        RescaleKind loadScaling = workload.LoadScaling switch
        {
            "mean" => RescaleKind.Mean,
            "peak" => RescaleKind.Peak,
            _ => throw v.Error("workload.load_scaling", $"must be 'mean' or 'peak', found '{workload.LoadScaling}'"),
        };

        ArrivalTrace? trace = null;
        TraceShape shape = new();
        double poissonDuration = 0;
        if (arrivals == ArrivalKind.Poisson)
        {
            v.Check(loads is not null, "workload.loads_qps", "missing required key (poisson arrivals need the rates to run)");
            poissonDuration = v.Required(workload.DurationS, "workload.duration_s");
            v.Check(double.IsFinite(poissonDuration) && poissonDuration > 0 && poissonDuration <= ArrivalTrace.MaxDurationSeconds, "workload.duration_s",
                $"must be in (0, {ArrivalTrace.MaxDurationSeconds}] s, found {poissonDuration}");
            v.Check(workload.Trace is null, "workload.trace", "only used with arrivals: trace");
        }
        else
        {
            TraceOptions traceOptions = v.Required(workload.Trace, "workload.trace");
            string file = Path.GetFullPath(Path.Combine(folder, v.Required(traceOptions.File, "workload.trace.file")));
            string formatName = v.Required(traceOptions.Format, "workload.trace.format");
            if (!TraceFormatNames.ByName.TryGetValue(formatName, out TraceFormat format))
            {
                throw v.Error("workload.trace.format", $"unknown format '{formatName}' (known: {string.Join(", ", TraceFormatNames.ByName.Keys)})");
            }
            v.Check(workload.DurationS is null, "workload.duration_s", "only used with arrivals: poisson (use workload.trace.duration_s)");
            v.Check(traceOptions.SmoothS is >= 0 and <= MaxSmoothSeconds, "workload.trace.smooth_s", $"must be in [0, {MaxSmoothSeconds}], found {traceOptions.SmoothS}");
            trace = TraceFile.Load(file, format);
            v.Check(traceOptions.StartS >= 0 && traceOptions.StartS < trace.DurationSeconds, "workload.trace.start_s",
                $"must lie inside the trace (0..{trace.DurationSeconds} s), found {traceOptions.StartS}");
            double available = trace.DurationSeconds - traceOptions.StartS;
            if (traceOptions.DurationS is double d)
            {
                v.Check(d >= 1 && d <= available, "workload.trace.duration_s", $"must be in [1, {available}] s, found {d}");
            }
            shape = new TraceShape(traceOptions.StartS, traceOptions.DurationS, traceOptions.SmoothS);
            if (traceOptions.QpsRange is double[] range)
            {
                v.Check(range.Length == 2 && range[0] >= 0 && range[1] > range[0] && double.IsFinite(range[1]), "workload.trace.qps_range",
                    "must be [min, max] with 0 <= min < max");
                v.Check(loads is null, "workload.trace.qps_range", "give either qps_range or loads_qps, not both");
                shape = shape with { Rescale = RescaleKind.Range, RangeMinQps = range[0], RangeMaxQps = range[1] };
            }
            if (loads is not null && shape.Apply(trace).All(r => r == 0))
            {
                throw v.Error("workload.trace", "the selected window has no arrivals, so it cannot be rescaled to loads_qps");
            }
        }

        JobSizeDistribution sizes = JobSizes(workload.JobSize, v);
        v.Check(sizes.MaxSize <= profile.MaxBatchSize, "workload.job_size.max",
            $"job sizes go up to {sizes.MaxSize}, but {profilePath} measures batch sizes only up to {profile.MaxBatchSize}");
        v.Check(workload.SlackMs is >= 0 and <= MaxMilliseconds, "workload.slack_ms", $"must be in [0, {MaxMilliseconds}], found {workload.SlackMs}");

        AccuracyTargetOptions target = workload.AccuracyTarget;
        v.Check(target.Min >= 0 && target.Min <= 1, "workload.accuracy_target.min", $"must be in [0, 1], found {target.Min}");
        v.Check(target.Max >= 0 && target.Max <= 1, "workload.accuracy_target.max", $"must be in [0, 1], found {target.Max}");
        v.Check(target.Min <= target.Max, "workload.accuracy_target", $"min ({target.Min}) must not exceed max ({target.Max})");
        double best = profile.Configurations.Max(c => c.Accuracy);
        string? selecting = policies.FirstOrDefault(PolicyCatalog.SelectsModalities);
        v.Check(selecting is null || target.Max <= best + 1e-12, "workload.accuracy_target.max",
            $"infeasible accuracy target: {target.Max} is above the best configuration of {profile.Name} " +
            $"({profile.Configurations.MaxBy(c => c.Accuracy)!.Name}: {best}), so policy '{selecting}' could never meet it");
        v.Check(target.Per is "run" or "job", "workload.accuracy_target.per", $"must be 'run' or 'job', found '{target.Per}'");

        SchedulerOptions scheduler = options.Scheduler;
        v.Check(scheduler.Workers is >= 1 and <= MaxWorkers, "scheduler.workers", $"must be in [1, {MaxWorkers}], found {scheduler.Workers}");
        v.Check(scheduler.GraceMs is >= 0 and <= MaxMilliseconds, "scheduler.grace_ms", $"must be in [0, {MaxMilliseconds}], found {scheduler.GraceMs}");
        v.Check(scheduler.MonitorIntervalMs == 0 || scheduler.MonitorIntervalMs is >= MinIntervalMs and <= MaxMilliseconds, "scheduler.monitor_interval_ms",
            $"must be 0 (off) or in [{MinIntervalMs}, {MaxMilliseconds}], found {scheduler.MonitorIntervalMs}");
        DecisionTimeCharge charge = scheduler.DecisionTime switch
        {
            "measured" => DecisionTimeCharge.Measured,
            "fixed" => DecisionTimeCharge.Fixed,
            "none" => DecisionTimeCharge.None,
            _ => throw v.Error("scheduler.decision_time", $"must be 'measured', 'fixed' or 'none', found '{scheduler.DecisionTime}'"),
        };
        v.Check(scheduler.DecisionTimeMs is >= 0 and <= MaxDecisionMs, "scheduler.decision_time_ms", $"must be in [0, {MaxDecisionMs}], found {scheduler.DecisionTimeMs}");
        v.Check(scheduler.Margin > 0 && scheduler.Margin <= 1, "scheduler.margin", $"must be in (0, 1], found {scheduler.Margin}");
        OnlineSolverKind solver = scheduler.Solver switch
        {
            "exact" => OnlineSolverKind.Exact,
            "ortools" => OnlineSolverKind.OrTools,
            _ => throw v.Error("scheduler.solver", $"must be 'exact' or 'ortools', found '{scheduler.Solver}'"),
        };
        v.Check(scheduler.SolverTimeLimitMs is > 0 and <= MaxDecisionMs, "scheduler.solver_time_limit_ms", $"must be in (0, {MaxDecisionMs}], found {scheduler.SolverTimeLimitMs}");
        v.Check(scheduler.SolverResolutionUs is >= MinResolutionUs and <= MaxResolutionUs, "scheduler.solver_resolution_us",
            $"must be in [{MinResolutionUs}, {MaxResolutionUs}], found {scheduler.SolverResolutionUs}");
        v.Check(scheduler.DrainS is null or (>= 0 and <= ArrivalTrace.MaxDurationSeconds), "scheduler.drain_s", $"must be in [0, {ArrivalTrace.MaxDurationSeconds}], found {scheduler.DrainS}");

        ExecutorOptions executor = options.Executor;
        v.Check(executor.Kind is "profile" or "torch", "executor.kind", $"must be 'profile' or 'torch', found '{executor.Kind}'");
        TorchExecution? torchExecution = null;
        if (executor.Kind == "torch")
        {
            v.Check(Mosel.Executor.Models.ModelZoo.Names.Contains(profile.Name), "executor.kind",
                $"torch execution runs the zoo model named by the profile, but '{profile.Name}' is not in the zoo ({string.Join(", ", Mosel.Executor.Models.ModelZoo.Names)})");
            Mosel.Executor.Native.TorchDevice device = executor.Device switch
            {
                "cpu" => Mosel.Executor.Native.TorchDevice.Cpu,
                "cuda" => Mosel.Executor.Native.TorchDevice.Cuda,
                _ => throw v.Error("executor.device", $"must be 'cpu' or 'cuda', found '{executor.Device}'"),
            };
            v.Check(executor.Scale is "full" or "tiny", "executor.scale", $"must be 'full' or 'tiny', found '{executor.Scale}'");
            Mosel.Executor.Native.LibTorchStatus libtorch;
            try
            {
                libtorch = Mosel.Executor.Native.LibTorchLoader.Load(device, executor.Libtorch);
            }
            catch (Mosel.Executor.Native.LibTorchException e)
            {
                throw v.Error("executor.device", e.Message);
            }
            string? weights = executor.Weights is null ? null : Path.GetFullPath(Path.Combine(folder, executor.Weights));
            v.Check(weights is null || File.Exists(weights), "executor.weights", $"weights file not found: {weights}");
            torchExecution = new TorchExecution(profile.Name, Mosel.Executor.Models.ZooScale.Parse(executor.Scale), device, libtorch, weights, executor.Warmup);
        }
        v.Check(executor.Clock is "virtual" or "wall", "executor.clock", $"must be 'virtual' or 'wall', found '{executor.Clock}'");
        bool live = executor.Clock == "wall";
        v.Check(executor.NoiseCv is >= 0 and <= MaxNoiseCv, "executor.noise_cv", $"must be in [0, {MaxNoiseCv}], found {executor.NoiseCv}");
        v.Check(executor.EstimateFactor is >= MinFactor and <= MaxFactor, "executor.estimate_factor", $"must be in [{MinFactor}, {MaxFactor}], found {executor.EstimateFactor}");
        v.Check(executor.EstimateNoiseCv is >= 0 and <= MaxNoiseCv, "executor.estimate_noise_cv", $"must be in [0, {MaxNoiseCv}], found {executor.EstimateNoiseCv}");
        double[] factors = Enumerable.Repeat(executor.EstimateFactor, profile.Configurations.Count).ToArray();
        foreach ((string config, double factor) in executor.EstimateFactors ?? [])
        {
            int index = profile.IndexOf(config);
            v.Check(index >= 0, $"executor.estimate_factors.{config}", $"not a configuration of {profile.Name} ({string.Join(", ", profile.Configurations.Select(c => c.Name))})");
            v.Check(factor is >= MinFactor and <= MaxFactor, $"executor.estimate_factors.{config}", $"must be in [{MinFactor}, {MaxFactor}], found {factor}");
            factors[index] = factor;
        }

        v.Check(options.Output.WindowS is >= MinWindowSeconds and <= ArrivalTrace.MaxDurationSeconds, "output.window_s",
            $"must be in [{MinWindowSeconds}, {ArrivalTrace.MaxDurationSeconds}] s, found {options.Output.WindowS}");

        return new ExperimentConfig
        {
            Name = name,
            SourcePath = path,
            Options = options,
            Profile = profile,
            Policies = policies,
            Seeds = options.Seeds,
            Loads = loads is null ? [null] : loads.Select(l => (double?)l).ToArray(),
            Arrivals = arrivals,
            Trace = trace,
            Shape = shape,
            LoadScaling = loadScaling,
            PoissonDurationSeconds = poissonDuration,
            JobSizes = sizes,
            TargetMin = target.Min,
            TargetMax = target.Max,
            TargetPerJob = target.Per == "job",
            Settings = new SimulationSettings
            {
                Workers = scheduler.Workers,
                GraceSeconds = scheduler.GraceMs / 1000,
                SlackSeconds = workload.SlackMs / 1000,
                MonitorIntervalSeconds = scheduler.MonitorIntervalMs / 1000,
                // On the wall clock a decision costs what it costs; nothing more is charged.
                DecisionCharge = live ? DecisionTimeCharge.None : charge,
                FixedDecisionSeconds = scheduler.DecisionTimeMs / 1000,
                WindowSeconds = options.Output.WindowS,
                DrainSeconds = scheduler.DrainS ?? double.PositiveInfinity,
            },
            Solver = new OnlineSolverSettings
            {
                Margin = scheduler.Margin,
                Kind = solver,
                TimeLimitSeconds = scheduler.SolverTimeLimitMs / 1000,
                ResolutionSeconds = scheduler.SolverResolutionUs / 1e6,
                GraceSeconds = scheduler.GraceMs / 1000,
            },
            NoiseCv = executor.NoiseCv,
            EstimateFactors = factors,
            EstimateNoiseCv = executor.EstimateNoiseCv,
            JobRecords = options.Output.JobRecords,
            Torch = torchExecution,
            LiveReplay = live,
        };
    }

    private static JobSizeDistribution JobSizes(JobSizeOptions options, Validator v)
    {
        switch (options.Distribution)
        {
            case "fixed":
                v.Check(options.Size >= 1, "workload.job_size.size", $"must be >= 1, found {options.Size}");
                return JobSizeDistribution.Fixed(options.Size);
            case "normal":
                v.Check(options.Std is > 0 and <= MaxJobSizeMoment, "workload.job_size.std", $"must be in (0, {MaxJobSizeMoment}], found {options.Std}");
                v.Check(options.Mean is >= -MaxJobSizeMoment and <= MaxJobSizeMoment, "workload.job_size.mean", $"must be in [-{MaxJobSizeMoment}, {MaxJobSizeMoment}], found {options.Mean}");
                v.Check(options.Max >= 1, "workload.job_size.max", $"must be >= 1, found {options.Max}");
                SizeRounding rounding = options.Rounding switch
                {
                    "truncate" => SizeRounding.Truncate,
                    "round" => SizeRounding.Round,
                    _ => throw v.Error("workload.job_size.rounding", $"must be 'truncate' or 'round', found '{options.Rounding}'"),
                };
                return JobSizeDistribution.Normal(options.Mean, options.Std, options.Max, rounding);
            default:
                throw v.Error("workload.job_size.distribution", $"must be 'normal' or 'fixed', found '{options.Distribution}'");
        }
    }

    private sealed class Validator(string path)
    {
        public T Required<T>(T? value, string key)
            where T : class =>
            value ?? throw Error(key, "missing required key");

        public T Required<T>(T? value, string key)
            where T : struct =>
            value ?? throw Error(key, "missing required key");

        public void Check(bool condition, string key, string message)
        {
            if (!condition)
            {
                throw Error(key, message);
            }
        }

        public ConfigException Error(string key, string message) => new($"{path}: {key}: {message}");
    }
}
