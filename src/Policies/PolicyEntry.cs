using Mosel.Policies.Selection;
using Mosel.Sim.Profiles;

namespace Mosel.Policies;

/// <summary>One policy a config may name: its precision, and how it re-plans (null: it never selects modalities).</summary>
public sealed record PolicyEntry(string Name, Precision Precision, ReplanMode? Mode)
{
    /// <summary>Whether the policy selects modalities per request (and so needs feasible accuracy targets).</summary>
    public bool SelectsModalities => Mode is not null;
}
