namespace Mosel.Experiments.Profiling;

/// <summary>Called once per measured point: how many points there are in all, and which one was just measured.</summary>
public delegate void ProfilingProgress(int total, string point);
