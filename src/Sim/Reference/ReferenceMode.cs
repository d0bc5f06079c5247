namespace Mosel.Sim.Reference;

/// <summary>Which of the reference code's monitor loops runs.</summary>
public enum ReferenceMode
{
    /// <summary><c>no_policy</c>: jobs keep their starting cell; the monitor throttles itself by the backlog.</summary>
    NoPolicy,

    /// <summary><c>maximize</c> (MOSEL): the idle path, violator detection, the blocking re-plan and its fallback.</summary>
    Maximize,
}
