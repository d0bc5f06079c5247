using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>Small hand-made profiles for engine tests.</summary>
internal static class TestProfiles
{
    /// <summary>One modality, the same latency at every batch size up to <paramref name="maxBatch"/>.</summary>
    public static ModelProfile Constant(double latencyMs, int maxBatch = 32) =>
        ModelProfile.Create("constant", ["x"], AccuracyMetric.Default,
            new Dictionary<string, double> { ["x"] = 0.9 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable>
                {
                    ["x"] = LatencyTable.Create("x", [1, maxBatch], [latencyMs, latencyMs]),
                },
            },
            "test", "test");

    /// <summary>Two modalities a and b, latency linear in batch size.</summary>
    public static ModelProfile Linear(double msPerRequestAb = 10, double msPerRequestA = 3, double msPerRequestB = 6) =>
        ModelProfile.Create("linear", ["a", "b"], AccuracyMetric.Default,
            new Dictionary<string, double> { ["a+b"] = 0.8, ["a"] = 0.75, ["b"] = 0.6 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = new Dictionary<string, LatencyTable>
                {
                    ["a+b"] = LatencyTable.Create("a+b", [1, 32], [msPerRequestAb, 32 * msPerRequestAb]),
                    ["a"] = LatencyTable.Create("a", [1, 32], [msPerRequestA, 32 * msPerRequestA]),
                    ["b"] = LatencyTable.Create("b", [1, 32], [msPerRequestB, 32 * msPerRequestB]),
                },
            },
            "test", "test");
}
