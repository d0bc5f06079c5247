namespace Mosel.Sim.Metrics;

/// <summary>Finished requests whose job served exactly this accuracy (a job's mean over its requests' configurations).</summary>
public readonly record struct AccuracyMass(double Accuracy, long Requests);
