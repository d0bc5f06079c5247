namespace Mosel.Sim.Engine;

/// <summary>How the time a policy spends deciding is charged to the simulated clock.</summary>
public enum DecisionTimeCharge
{
    /// <summary>Decisions are free (deterministic runs).</summary>
    None,

    /// <summary>The measured wall time of each decision delays dispatch by that much.</summary>
    Measured,

    /// <summary>Every decision that ran a solver costs a fixed, modelled time.</summary>
    Fixed,
}
