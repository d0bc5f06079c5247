using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Which trace file to read, in which format, and the window and shaping to apply once it is read.</summary>
public sealed record TracePlan(string File, TraceFormat Format, TraceShape Shape);
