using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reproduction;

/// <summary>
/// An engine the paper is reproduced under: where its configs live and which throughput and violation metrics its
/// figures plot — the reference engine plots what the authors' tracer measured (processed requests, 4-s window ratio),
/// the ideal engine what the paper's definitions say (requests that met their deadline).
/// </summary>
public sealed record ReproductionEngine(string Name, string ConfigFolder, string Title, string ThroughputLabel, SummaryColumn Throughput,
    string ViolationLabel, SummaryColumn Violations)
{
    public static readonly ReproductionEngine Reference = new("reference", "experiments/configs/reference", "reference engine (as the authors built it)",
        "processed throughput (req/s)", SummaryColumns.Processed, "violation ratio (reference tracer, 4-s windows)", SummaryColumns.WindowViolationsReference);

    public static readonly ReproductionEngine Ideal = new("ideal", "experiments/configs", "ideal engine (the algorithm as stated)",
        "goodput (req/s)", SummaryColumns.Throughput, "SLO violation ratio (by deadline)", SummaryColumns.Violations);

    /// <summary>Both, in the order report.md shows them.</summary>
    public static readonly IReadOnlyList<ReproductionEngine> All = [Reference, Ideal];

    /// <summary>The engines an <c>--engine</c> value names: reference, ideal or both.</summary>
    public static IReadOnlyList<ReproductionEngine> Parse(string? value) => value switch
    {
        "both" => All,
        "reference" => [Reference],
        "ideal" => [Ideal],
        _ => throw new ConfigException($"--engine: must be reference, ideal or both, found '{value}'"),
    };
}
