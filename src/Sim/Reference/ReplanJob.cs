namespace Mosel.Sim.Reference;

/// <summary>What the re-plan needs of a job: its size (its grid row) and its accuracy target.</summary>
public readonly record struct ReplanJob(int Size, double TargetAccuracy);
