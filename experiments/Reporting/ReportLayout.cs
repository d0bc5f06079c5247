namespace Mosel.Experiments.Reporting;

/// <summary>
/// What a report's user chose (<c>--where</c>, <c>--metrics</c>, <c>--facet</c>, <c>--color</c>, <c>--style</c>); null or empty
/// where they left it to the report. Keys are <c>policy</c>, <c>load_qps</c>, <c>study</c> or a swept key as swept.
/// </summary>
public sealed record ReportLayout
{
    public static ReportLayout Default { get; } = new();

    /// <summary>Only the points with these values (every pair must hold).</summary>
    public IReadOnlyList<(string Key, string Value)> Where { get; init; } = [];

    /// <summary>The metric figures to draw, by name (<see cref="ReportMetric.Name"/>); empty: every metric the results have.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>One panel per value of this key; null: panels only when one would carry more than <see cref="MaxSeries"/> lines.</summary>
    public string? Facet { get; init; }

    /// <summary>The key whose values get a colour each; null: the policy.</summary>
    public string? Color { get; init; }

    /// <summary>The key whose values get a marker each (at most four; lines stay solid, as SVG draws them); null: picked when panels are.</summary>
    public string? Style { get; init; }

    /// <summary>More lines than this in one plot and the report splits it into panels (small multiples).</summary>
    public const int MaxSeries = 8;

    /// <summary>Marker styles there are (filled circle, open square, filled triangle, open diamond).</summary>
    public const int Styles = 4;
}
