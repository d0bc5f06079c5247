namespace Mosel.Sim.Metrics;

/// <summary>What the reference tracer counts in one of its windows: requests submitted and requests the worker ran.</summary>
public readonly record struct TracerWindow(long SubmittedRequests, long ProcessedRequests);
