using MathNet.Numerics.Statistics;

namespace Mosel.Experiments.Output;

/// <summary>
/// One number a benchmark measured, over its repetitions: the median and the range (what docs/performance.md quotes),
/// and, where measured, CPU seconds (median; they move less with a busy machine than wall time) and bytes allocated per job.
/// </summary>
public sealed record BenchFigure(string Name, string Unit, double Median, double Min, double Max, int Repetitions)
{
    public double? CpuSecondsMedian { get; init; }

    public double? AllocatedBytesPerJob { get; init; }

    /// <summary>The median, minimum and maximum of the repetitions' values.</summary>
    public static BenchFigure Of(string name, string unit, IReadOnlyList<double> values) =>
        new(name, unit, values.Median(), values.Min(), values.Max(), values.Count);
}
