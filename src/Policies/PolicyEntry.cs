using Mosel.Policies.Selection;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>
/// One policy a config may name: its precision, its family, how MOSEL's family re-plans (null for the others) and, for
/// <c>static:</c>, the configuration it always runs (null: every modality).
/// </summary>
public sealed record PolicyEntry(string Name, Precision Precision, PolicyFamily Family, ReplanMode? Mode = null, string? Configuration = null)
{
    /// <summary>Whether the policy plans each job to its accuracy target with the strategy matrix (and so needs feasible targets).</summary>
    public bool PlansToTargets => Family == PolicyFamily.Mosel;
}
