using System.Globalization;

namespace Mosel.Experiments.Reproduction;

/// <summary>
/// A ratio with the two numbers it divides. A denominator under 0.1 of its unit gives no ratio worth printing: the caller
/// says why (for example "the baseline collapses"); an undefined side (no finished jobs) gives none either.
/// </summary>
public static class RatioText
{
    private const double Collapsed = 0.1;

    public static double Value(double numerator, double denominator) =>
        !double.IsFinite(numerator) || !double.IsFinite(denominator) ? double.NaN
        : denominator < Collapsed ? double.PositiveInfinity
        : numerator / denominator;

    /// <param name="collapsed">Why a denominator near 0 happens here, shown instead of the ratio.</param>
    public static string Format(double numerator, double denominator, string unit, string collapsed, string numeratorAt = "", string denominatorAt = "")
    {
        string parts = string.Create(CultureInfo.InvariantCulture, $"{numerator:0.0}{numeratorAt} ÷ {denominator:0.0}{denominatorAt} {unit}");
        return double.IsNaN(Value(numerator, denominator)) ? $"undefined ({parts})"
            : denominator < Collapsed ? $"unbounded ({parts}: {collapsed})"
            : string.Create(CultureInfo.InvariantCulture, $"{numerator / denominator:0.00}× ({parts})");
    }
}
