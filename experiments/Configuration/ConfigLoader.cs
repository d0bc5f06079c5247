using Mosel.Experiments.Errors;
using Mosel.Experiments.Safety;
using Mosel.Policies;
using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Policies.Selection;
using Mosel.Sim.Engine;
using Mosel.Sim.Reference;

namespace Mosel.Experiments.Configuration;

/// <summary>
/// YAML config -> options (strict keys) -> validated (every key, every mistake at once, no other file read) ->
/// resolved <see cref="ExperimentConfig"/> (profile, trace, libtorch and weights read and checked against the config).
/// Every failure is a <see cref="ConfigException"/> with one line per mistake naming the file and the key, before anything is written.
/// </summary>
public static class ConfigLoader
{
    public static ExperimentConfig Load(string path, IReadOnlyList<string>? overrides = null) => Validate(Read(path, overrides), path);

    /// <summary>A config with its <c>sweep:</c> expanded: every point validated and resolved.</summary>
    public static Study LoadStudy(string path, IReadOnlyList<string>? overrides = null) => LoadStudy(Read(path, overrides), path);

    /// <summary>The same for options already read (and perhaps adjusted, as a preset does), named after their file.</summary>
    public static Study LoadStudy(ExperimentOptions options, string path) => Study.Validate(options, path);

    /// <summary>The config file's options with <c>--set</c> overrides applied, not yet validated.</summary>
    public static ExperimentOptions Read(string path, IReadOnlyList<string>? overrides = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: config file not found");
        }
        return StrictYaml.Deserialize<ExperimentOptions>(File.ReadAllText(path), path, overrides);
    }

    /// <summary>Validates, then resolves: options as read (or built in code) to a config ready to run.</summary>
    public static ExperimentConfig Validate(ExperimentOptions options, string path) => options.Sweep is null
        ? ConfigResolver.Resolve(Check(options, path))
        : throw new ConfigException($"{path}: sweep: this command runs one experiment; a config with sweep: runs with mosel simulate");

    /// <summary>Every check that needs only the options; reads no file and loads no library.</summary>
    public static ValidatedConfig Check(ExperimentOptions options, string path)
    {
        var v = new ConfigErrors(path);
        string name = options.Name ?? Path.GetFileNameWithoutExtension(path);
        v.Check(RunName.IsPlain(name), "name", options.Name is null
            ? $"the config file's name '{name}' is not a plain run name ({RunName.Rule}); set name:"
            : $"'{name}' is not {RunName.Rule}");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string? profile = v.Required(options.Profile, "profile");

        string[] policies = v.Required(options.Policies, "policies") ?? [];
        if (options.Policies is not null)
        {
            v.Check(policies.Length > 0, "policies", "list at least one policy");
        }
        foreach (string policy in policies)
        {
            v.Check(PolicyCatalog.IsKnown(policy), "policies", $"unknown policy '{policy}' (known: {string.Join(", ", PolicyCatalog.Names)})");
        }
        v.Check(policies.Distinct().Count() == policies.Length, "policies", "a policy is listed twice");
        v.Check(options.Seeds.Length is > 0 and <= ConfigLimits.MaxSeeds, "seeds", $"list between 1 and {ConfigLimits.MaxSeeds} seeds, found {options.Seeds.Length}");
        v.Check(options.Seeds.Distinct().Count() == options.Seeds.Length, "seeds", "a seed is listed twice");

        WorkloadPlan? workload = WorkloadSection.Validate(options.Workload, folder, v);
        (SimulationSettings Settings, OnlineSolverSettings Solver, ReferenceSettings? Reference, InfaasSettings Infaas, ProteusSettings Proteus)? scheduler =
            SchedulerSection.Validate(options.Scheduler, v);
        ExecutorPlan? executor = ExecutorSection.Validate(options.Executor, folder, v);
        RecordsFormat? recordsFormat = OutputSection.Validate(options.Output, v);
        if (scheduler?.Reference is not null)
        {
            CheckReferenceEngine(policies, executor, v);
        }
        v.ThrowIfAny();

        SimulationSettings settings = scheduler!.Value.Settings with
        {
            SlackSeconds = workload!.SlackSeconds,
            WindowSeconds = options.Output.WindowS,
            // On the wall clock a decision costs what it costs; nothing more is charged.
            DecisionCharge = executor!.LiveReplay ? DecisionTimeCharge.None : scheduler.Value.Settings.DecisionCharge,
        };
        ReferenceSettings? reference = scheduler.Value.Reference is { } r ? r with { SlackSeconds = workload.SlackSeconds, WindowSeconds = options.Output.WindowS } : null;
        return new ValidatedConfig(name, path, options, Path.GetFullPath(Path.Combine(folder, profile!)), policies, options.Seeds, workload, settings,
            scheduler.Value.Solver, reference, executor, options.Output.JobRecords, recordsFormat!.Value)
        {
            Infaas = scheduler.Value.Infaas,
            Proteus = scheduler.Value.Proteus,
        };
    }

    /// <summary>The reference engine runs the authors' two monitor loops, on the simulated clock.</summary>
    private static void CheckReferenceEngine(string[] policies, ExecutorPlan? executor, ConfigErrors v)
    {
        foreach (string policy in policies.Where(PolicyCatalog.IsKnown))
        {
            PolicyEntry entry = PolicyCatalog.Entry(policy);
            v.Check(entry is { Family: PolicyFamily.Static, Configuration: null } or { Family: PolicyFamily.Mosel, Mode: ReplanMode.Optimal }, "policies",
                $"policy '{policy}' has no monitor loop in the reference engine (it runs none, fp16, dynamic and dynamic+fp16)");
        }
        v.Check(executor is null || !executor.LiveReplay, "executor.clock", "the reference engine runs on the simulated clock (virtual)");
    }
}
