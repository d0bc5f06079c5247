namespace Mosel.Sim.Model;

/// <summary>Where a job stands: every submitted job ends the run in exactly one of these.</summary>
public enum JobOutcome
{
    Queued,
    Running,
    Met,
    Late,
    Dropped,
}
