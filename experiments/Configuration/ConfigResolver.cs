using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Policies;
using Mosel.Sim.Profiles;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// Reads what a validated config names (the profile, the trace, libtorch, the weights' path) and checks the config
/// against them: every mistake at once, one line each, before anything is written.
/// </summary>
public static class ConfigResolver
{
    public static ExperimentConfig Resolve(ValidatedConfig config)
    {
        var v = new ConfigErrors(config.SourcePath);
        ModelProfile? profile = Read(() => ProfileFile.Load(config.ProfilePath), v);
        ArrivalTrace? trace = config.Workload.Trace is { } plan ? Read(() => TraceFile.Load(plan.File, plan.Format), v) : null;
        double[]? factors = null;
        TorchExecution? torch = null;
        if (profile is not null)
        {
            CheckPolicies(config, profile, v);
            factors = EstimateFactors(config.Executor, profile, v);
            torch = config.Executor.Torch is { } torchPlan ? Torch(torchPlan, profile, v) : null;
        }
        TraceShape shape = config.Workload.Trace is { } tracePlan && trace is not null ? Window(config.Workload, tracePlan.Shape, trace, v) : new TraceShape();
        v.ThrowIfAny();
        WorkloadPlan workload = config.Workload;
        return new ExperimentConfig
        {
            Name = config.Name,
            SourcePath = config.SourcePath,
            Options = config.Options,
            Profile = profile!,
            Policies = config.Policies,
            Seeds = config.Seeds,
            Loads = workload.Loads,
            Arrivals = workload.Arrivals,
            Trace = trace,
            Shape = shape,
            LoadScaling = workload.LoadScaling,
            SweepDurationSeconds = workload.SweepDurationSeconds,
            JobSizes = workload.JobSizes,
            TargetMin = workload.TargetMin,
            TargetMax = workload.TargetMax,
            TargetPerJob = workload.TargetPerJob,
            Settings = config.Settings,
            Solver = config.Solver,
            Infaas = config.Infaas,
            Proteus = config.Proteus,
            Reference = config.Reference,
            Producer = workload.Producer,
            Spacing = workload.Spacing,
            NoiseCv = config.Executor.NoiseCv,
            EstimateFactors = factors!,
            EstimateNoiseCv = config.Executor.EstimateNoiseCv,
            JobRecords = config.JobRecords,
            RecordsFormat = config.RecordsFormat,
            Torch = torch,
            LiveReplay = config.Executor.LiveReplay,
        };
    }

    /// <summary>A file that cannot be read is one error (its own message names it); checks that need it are skipped.</summary>
    private static T? Read<T>(Func<T> read, ConfigErrors v)
        where T : class
    {
        try
        {
            return read();
        }
        catch (ConfigException e)
        {
            v.AddLines(e.Lines);
            return null;
        }
    }

    private static void CheckPolicies(ValidatedConfig config, ModelProfile profile, ConfigErrors v)
    {
        foreach (string policy in config.Policies)
        {
            Precision precision = PolicyCatalog.PrecisionOf(policy);
            v.Check(profile.HasPrecision(precision), "policies", $"policy '{policy}' needs a {precision.ToName()} latency table, which {config.ProfilePath} lacks");
            if (PolicyCatalog.Entry(policy).Configuration is string named)
            {
                int index = profile.IndexOf(named);
                v.Check(index >= 0, "policies",
                    $"policy '{policy}': '{named}' is not a configuration of {profile.Name} ({string.Join(", ", profile.Configurations.Select(c => c.Name))})");
                v.Check(index < 0 || profile.Configurations[index].Name == named, "policies",
                    $"policy '{policy}': write the configuration as the profile names it, 'static:{(index < 0 ? "" : profile.Configurations[index].Name)}'");
            }
        }
        WorkloadPlan workload = config.Workload;
        v.Check(workload.JobSizes.MaxSize <= profile.MaxBatchSize, "workload.job_size.max",
            $"job sizes go up to {workload.JobSizes.MaxSize}, but {config.ProfilePath} measures batch sizes only up to {profile.MaxBatchSize}");
        double best = profile.Configurations.Max(c => c.Accuracy);
        string? selecting = config.Policies.FirstOrDefault(PolicyCatalog.PlansToTargets);
        v.Check(selecting is null || workload.TargetMax <= best + 1e-12, "workload.accuracy_target.max",
            $"infeasible accuracy target: {workload.TargetMax} is above the best configuration of {profile.Name} " +
            $"({profile.Configurations.MaxBy(c => c.Accuracy)!.Name}: {best}), so policy '{selecting}' could never meet it");
    }

    /// <summary>One factor per configuration of the profile: estimate_factor, overridden by name in estimate_factors.</summary>
    private static double[] EstimateFactors(ExecutorPlan executor, ModelProfile profile, ConfigErrors v)
    {
        double[] factors = Enumerable.Repeat(executor.EstimateFactor, profile.Configurations.Count).ToArray();
        foreach ((string config, double factor) in executor.EstimateFactors)
        {
            int index = profile.IndexOf(config);
            if (v.Check(index >= 0, $"executor.estimate_factors.{config}", $"not a configuration of {profile.Name} ({string.Join(", ", profile.Configurations.Select(c => c.Name))})"))
            {
                factors[index] = factor;
            }
        }
        return factors;
    }

    private static TorchExecution? Torch(TorchPlan plan, ModelProfile profile, ConfigErrors v)
    {
        bool known = v.Check(ModelZoo.Names.Contains(profile.Name), "executor.kind",
            $"torch execution runs the zoo model named by the profile, but '{profile.Name}' is not in the zoo ({string.Join(", ", ModelZoo.Names)})");
        LibTorchStatus? libtorch = null;
        try
        {
            libtorch = LibTorchLoader.Load(plan.Device, plan.LibTorchFolder);
        }
        catch (LibTorchException e)
        {
            v.Add("executor.device", e.Message);
        }
        bool weights = v.Check(plan.Weights is null || File.Exists(plan.Weights), "executor.weights", $"weights file not found: {plan.Weights}");
        bool dataset = plan.Dataset is null || Dataset(plan.Dataset, profile, v);
        return known && weights && dataset && libtorch is not null
            ? new TorchExecution(profile.Name, plan.Scale, plan.Device, libtorch, plan.Weights, plan.WeightNames, plan.Dataset, plan.WarmUp)
            : null;
    }

    /// <summary>A digits dataset's samples are av-digits inputs: the profile must be that model's, and the folder a built dataset.</summary>
    private static bool Dataset(ScoringSplit split, ModelProfile profile, ConfigErrors v)
    {
        if (!v.Check(profile.Name == AvDigitsModel.ZooName, "executor.dataset",
            $"a digits dataset feeds the {AvDigitsModel.ZooName} model, but the profile is '{profile.Name}'"))
        {
            return false;
        }
        try
        {
            DigitDataset.Check(split.Folder);
            return v.Check(File.Exists(split.File), "executor.dataset", $"{split.Folder}: no {Path.GetFileName(split.File)}");
        }
        catch (ConfigException e)
        {
            v.Add("executor.dataset", e.Message);
            return false;
        }
    }

    /// <summary>The trace window must lie inside the trace, and hold arrivals when it is to be rescaled to a load.</summary>
    private static TraceShape Window(WorkloadPlan workload, TraceShape shape, ArrivalTrace trace, ConfigErrors v)
    {
        bool ok = v.Check(shape.StartSeconds >= 0 && shape.StartSeconds < trace.DurationSeconds, "workload.trace.start_s",
            $"must lie inside the trace (0..{trace.DurationSeconds} s), found {shape.StartSeconds}");
        double available = trace.DurationSeconds - shape.StartSeconds;
        if (shape.DurationSeconds is double d)
        {
            ok &= v.Check(d >= 1 && d <= available, "workload.trace.duration_s", $"must be in [1, {available}] s, found {d}");
        }
        if (ok && workload.Loads[0] is not null && shape.Apply(trace).All(r => r == 0))
        {
            v.Add("workload.trace", "the selected window has no arrivals, so it cannot be rescaled to loads_qps");
        }
        return shape;
    }
}
