using System.Globalization;

namespace Mosel.Experiments.Reproduction;

/// <summary>A ratio with the two numbers it divides; a collapsed denominator (under 0.1 of its unit) is called that, not a huge ratio.</summary>
public static class RatioText
{
    private const double Collapsed = 0.1;

    public static double Value(double numerator, double denominator) => denominator < Collapsed ? double.PositiveInfinity : numerator / denominator;

    public static string Format(double numerator, double denominator, string unit, string numeratorAt = "", string denominatorAt = "")
    {
        string parts = string.Create(CultureInfo.InvariantCulture, $"{numerator:0.0}{numeratorAt} ÷ {denominator:0.0}{denominatorAt} {unit}");
        return denominator < Collapsed
            ? $"unbounded ({parts}: the baseline collapses)"
            : string.Create(CultureInfo.InvariantCulture, $"{numerator / denominator:0.00}× ({parts})");
    }
}
