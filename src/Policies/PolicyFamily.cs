namespace Mosel.Policies;

/// <summary>How a policy decides; each family is one class (MOSEL's three re-planning modes share one).</summary>
public enum PolicyFamily
{
    /// <summary>One configuration for every request: every modality (none, fp16) or the one named (static:CONFIGURATION).</summary>
    Static,

    /// <summary>MOSEL: each job planned to its accuracy target with the strategy matrix, re-planned when a deadline is at risk.</summary>
    Mosel,

    SlackFit,

    Infaas,

    Proteus,

    RandomDrop,
}
