using Mosel.Policies.Baselines;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Peers;
using Mosel.Policies.Selection;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;

namespace Mosel.Policies;

/// <summary>
/// The policies a config may name, each at each precision. At fp32 a policy has its plain name; at fp16 it is
/// <c>NAME+fp16</c>, except the paper's <c>fp16</c> for all modalities at fp16. <c>static:CONFIGURATION</c> runs one
/// configuration of the profile for every request (<c>static:audio</c>, <c>static:audio@fp16</c>); whether the profile
/// has that configuration is checked where the profile is known.
/// </summary>
public static class PolicyCatalog
{
    public const string StaticPrefix = "static:";

    private static readonly (string Name, PolicyFamily Family, ReplanMode? Mode)[] s_plans =
    [
        ("none", PolicyFamily.Static, null),
        ("dynamic", PolicyFamily.Mosel, ReplanMode.Optimal),
        ("aggressive", PolicyFamily.Mosel, ReplanMode.Aggressive),
        ("greedy", PolicyFamily.Mosel, ReplanMode.Greedy),
        ("slackfit", PolicyFamily.SlackFit, null),
        ("infaas", PolicyFamily.Infaas, null),
        ("proteus", PolicyFamily.Proteus, null),
        ("random-drop", PolicyFamily.RandomDrop, null),
    ];

    /// <summary>The policies with a fixed name (static:CONFIGURATION is a pattern, not listed).</summary>
    public static readonly IReadOnlyList<PolicyEntry> Entries = s_plans
        .SelectMany(plan => new[]
        {
            new PolicyEntry(plan.Name, Precision.Fp32, plan.Family, plan.Mode),
            new PolicyEntry(plan.Name == "none" ? "fp16" : $"{plan.Name}+fp16", Precision.Fp16, plan.Family, plan.Mode),
        })
        .ToArray();

    private static readonly Dictionary<string, PolicyEntry> s_byName = Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Every name a config may write, the pattern last.</summary>
    public static IReadOnlyList<string> Names => [.. Entries.Select(e => e.Name), $"{StaticPrefix}CONFIGURATION[@fp16]"];

    public static bool IsKnown(string name) => TryEntry(name, out _);

    public static PolicyEntry Entry(string name) =>
        TryEntry(name, out PolicyEntry? entry)
            ? entry
            : throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    public static Precision PrecisionOf(string name) => Entry(name).Precision;

    /// <summary>Whether the policy plans each job to its accuracy target (MOSEL and its variants); false for an unknown name.</summary>
    public static bool PlansToTargets(string name) => TryEntry(name, out PolicyEntry? entry) && entry.PlansToTargets;

    private static bool TryEntry(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyEntry? entry)
    {
        if (s_byName.TryGetValue(name, out entry))
        {
            return true;
        }
        entry = null;
        if (!name.StartsWith(StaticPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        string configuration = name[StaticPrefix.Length..];
        Precision precision = Precision.Fp32;
        int at = configuration.LastIndexOf('@');
        if (at >= 0)
        {
            string precisionName = configuration[(at + 1)..];
            // Only the canonical spelling: the name is also a results label, and two spellings would be two policies.
            if (!PrecisionNames.TryParse(precisionName, out precision) || precision.ToName() != precisionName)
            {
                return false;
            }
            configuration = configuration[..at];
        }
        if (configuration.Length == 0 || configuration.Trim() != configuration)
        {
            return false;
        }
        entry = new PolicyEntry(name, precision, PolicyFamily.Static, Configuration: configuration);
        return true;
    }

    public static ISchedulingPolicy Create(string name, PolicyContext context)
    {
        PolicyEntry entry = Entry(name);
        if (context.Estimate.Precision != entry.Precision)
        {
            throw new ArgumentException($"policy '{name}' runs at {entry.Precision.ToName()}, the estimates are {context.Estimate.Precision.ToName()}", nameof(context));
        }
        LatencyModel estimate = context.Estimate;
        switch (entry.Family)
        {
            case PolicyFamily.Static:
                return new StaticConfigurationPolicy(name, estimate, ConfigurationIndex(entry, estimate.Profile));
            case PolicyFamily.SlackFit:
                return new SlackFitPolicy(name, estimate);
            case PolicyFamily.Infaas:
                return new InfaasPolicy(name, estimate, context.Infaas, context.Workers);
            case PolicyFamily.Proteus:
                return new ProteusPolicy(name, estimate, context.Proteus, context.Workers);
            case PolicyFamily.RandomDrop:
                return new RandomDropPolicy(name, estimate, SeedStreams.Create(context.Seed, "random-drop"));
        }
        if (context.Matrix is { } shared && (shared.Profile != estimate.Profile || shared.Estimate.Precision != estimate.Precision))
        {
            throw new ArgumentException("the shared strategy matrix was built for another profile or precision than the estimates", nameof(context));
        }
        ReplanMode mode = entry.Mode!.Value;
        IOnlineSolver? solver = mode == ReplanMode.Optimal ? OnlineSolvers.Create(context.Solver) : null;
        return new ModalitySelectionPolicy(name, context.Matrix ?? StrategyMatrix.Build(estimate), mode, solver, context.Solver, context.Clock);
    }

    /// <summary>The configuration a static policy runs in this profile: every modality for none and fp16, else the one it names.</summary>
    public static int ConfigurationIndex(PolicyEntry entry, ModelProfile profile)
    {
        if (entry.Configuration is null)
        {
            return ModelProfile.FullConfigurationIndex;
        }
        int index = profile.IndexOf(entry.Configuration);
        return index >= 0
            ? index
            : throw new ArgumentException($"policy '{entry.Name}': '{entry.Configuration}' is not a configuration of {profile.Name} ({string.Join(", ", profile.Configurations.Select(c => c.Name))})", nameof(entry));
    }
}
