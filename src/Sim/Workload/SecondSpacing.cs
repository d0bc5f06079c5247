namespace Mosel.Sim.Workload;

/// <summary>How a replayed trace places a second's jobs inside that second.</summary>
public enum SecondSpacing
{
    /// <summary>Job i of n at i / n s: evenly, whatever the sizes.</summary>
    Even,

    /// <summary>Each job followed by a gap of size / requests-that-second s, as the reference producer spaces them.</summary>
    BySize,
}
