namespace Mosel.Experiments.Configuration;

/// <summary>The executor section, validated; libtorch and the weights are named but not yet loaded.</summary>
/// <param name="EstimateFactors">Per-configuration factors by configuration name; checked against the profile when it is read.</param>
public sealed record ExecutorPlan(TorchPlan? Torch, bool LiveReplay, double NoiseCv, double EstimateFactor,
    IReadOnlyDictionary<string, double> EstimateFactors, double EstimateNoiseCv);
