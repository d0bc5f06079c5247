namespace Mosel.Experiments.Output;

/// <summary>One input file of a study, by its role (config, profile, trace, weights, dataset) and its content's SHA-256.</summary>
public sealed record InputDigest(string Role, string Sha256);
