using Mosel.Policies.Baselines;
using Mosel.Policies.Offline;
using Mosel.Policies.Selection;
using Mosel.Sim.Engine;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>The policies a config may name, and the precision each one runs.</summary>
public static class PolicyCatalog
{
    private static readonly Dictionary<string, Precision> s_precisions = new(StringComparer.Ordinal)
    {
        ["none"] = Precision.Fp32,
        ["fp16"] = Precision.Fp16,
        ["dynamic"] = Precision.Fp32,
        ["dynamic+fp16"] = Precision.Fp16,
        ["aggressive"] = Precision.Fp32,
        ["greedy"] = Precision.Fp32,
    };

    /// <summary>Whether the policy selects modalities per request (and so needs feasible accuracy targets).</summary>
    public static bool SelectsModalities(string name) => name is "dynamic" or "dynamic+fp16" or "aggressive" or "greedy";

    public static IReadOnlyList<string> Names => s_precisions.Keys.ToArray();

    public static bool IsKnown(string name) => s_precisions.ContainsKey(name);

    public static Precision PrecisionOf(string name) =>
        s_precisions.TryGetValue(name, out Precision precision)
            ? precision
            : throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    public static ISchedulingPolicy Create(string name, PolicyContext context) => name switch
    {
        "none" or "fp16" => new AllModalitiesPolicy(name, context.Estimate),
        "dynamic" or "dynamic+fp16" => new ModalitySelectionPolicy(name, StrategyMatrix.Build(context.Estimate), ReplanMode.Optimal, context.Solver, context.Clock),
        "aggressive" => new ModalitySelectionPolicy(name, StrategyMatrix.Build(context.Estimate), ReplanMode.Aggressive, context.Solver, context.Clock),
        "greedy" => new ModalitySelectionPolicy(name, StrategyMatrix.Build(context.Estimate), ReplanMode.Greedy, context.Solver, context.Clock),
        _ => throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
