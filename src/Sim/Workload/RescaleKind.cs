namespace Mosel.Sim.Workload;

/// <summary>How a trace window is rescaled: not at all, to a mean or peak rate, or onto a [min, max] range.</summary>
public enum RescaleKind
{
    None,
    Mean,
    Peak,
    Range,
}
