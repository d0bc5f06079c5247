namespace Mosel.Sim.Workload;

/// <summary>A job as the workload generates it, before a policy and a deadline are attached.</summary>
public readonly record struct JobArrival(double ArrivalSeconds, int Size, double TargetAccuracy);
