namespace Mosel.Sim.Metrics;

/// <summary>Receives per-job and per-decision records as the run produces them (the host streams them to disk).</summary>
public interface IRunRecorder
{
    void Job(in JobRecord record);

    void Decision(in DecisionRecord record);
}
