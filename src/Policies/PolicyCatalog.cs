using Mosel.Policies.Baselines;
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
    };

    public static IReadOnlyList<string> Names => s_precisions.Keys.ToArray();

    public static bool IsKnown(string name) => s_precisions.ContainsKey(name);

    public static Precision PrecisionOf(string name) =>
        s_precisions.TryGetValue(name, out Precision precision)
            ? precision
            : throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name));

    public static ISchedulingPolicy Create(string name, PolicyContext context) => name switch
    {
        "none" or "fp16" => new AllModalitiesPolicy(name, context.Estimate),
        _ => throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
