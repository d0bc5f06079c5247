namespace Mosel.Sim.Workload;

/// <summary>How a normal draw becomes a job size: toward zero (the reference code) or to the nearest integer.</summary>
public enum SizeRounding
{
    Truncate,
    Round,
}
