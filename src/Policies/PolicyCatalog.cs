using Mosel.Policies.Baselines;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Policies.Selection;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>
/// The policies a config may name: each way of planning (all modalities, MOSEL, its aggressive and greedy variants)
/// at each precision. At fp32 a policy has its plain name; at fp16 it is <c>NAME+fp16</c>, except the paper's
/// <c>fp16</c> for all modalities at fp16.
/// </summary>
public static class PolicyCatalog
{
    private static readonly (string Name, ReplanMode? Mode)[] s_plans =
    [
        ("none", null),
        ("dynamic", ReplanMode.Optimal),
        ("aggressive", ReplanMode.Aggressive),
        ("greedy", ReplanMode.Greedy),
    ];

    public static readonly IReadOnlyList<PolicyEntry> Entries = s_plans
        .SelectMany(plan => new[]
        {
            new PolicyEntry(plan.Name, Precision.Fp32, plan.Mode),
            new PolicyEntry(plan.Mode is null ? "fp16" : $"{plan.Name}+fp16", Precision.Fp16, plan.Mode),
        })
        .ToArray();

    private static readonly Dictionary<string, PolicyEntry> s_byName = Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToArray();

    public static bool IsKnown(string name) => s_byName.ContainsKey(name);

    public static PolicyEntry Entry(string name) =>
        s_byName.TryGetValue(name, out PolicyEntry? entry)
            ? entry
            : throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    public static Precision PrecisionOf(string name) => Entry(name).Precision;

    /// <summary>Whether the policy selects modalities per request; false for an unknown name.</summary>
    public static bool SelectsModalities(string name) => s_byName.TryGetValue(name, out PolicyEntry? entry) && entry.SelectsModalities;

    public static ISchedulingPolicy Create(string name, PolicyContext context)
    {
        PolicyEntry entry = Entry(name);
        if (entry.Mode is not ReplanMode mode)
        {
            return new AllModalitiesPolicy(name, context.Estimate);
        }
        if (context.Matrix is { } shared && (shared.Profile != context.Estimate.Profile || shared.Estimate.Precision != context.Estimate.Precision))
        {
            throw new ArgumentException("the shared strategy matrix was built for another profile or precision than the estimates", nameof(context));
        }
        IOnlineSolver? solver = mode == ReplanMode.Optimal ? OnlineSolvers.Create(context.Solver) : null;
        return new ModalitySelectionPolicy(name, context.Matrix ?? StrategyMatrix.Build(context.Estimate), mode, solver, context.Solver, context.Clock);
    }
}
