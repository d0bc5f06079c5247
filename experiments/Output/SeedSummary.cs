namespace Mosel.Experiments.Output;

/// <summary>One metric over a parameter point's seeds: how many runs had a value, their mean, sample standard deviation and 95 % Student-t half-width.</summary>
public sealed record SeedSummary(int N, double Mean, double Sd, double Ci95);
