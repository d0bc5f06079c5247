using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>Mean over seeds with its 95 % Student-t confidence interval; runs whose metric is undefined (NaN) are left out.</summary>
public static class SeedStatistics
{
    /// <summary>Mean and 95 % half-width for an error bar: no finite value is a NaN mean, and fewer than two have no bar (half-width 0).</summary>
    public static (double Mean, double HalfWidth) MeanCi(IReadOnlyList<double> values)
    {
        SeedSummary summary = Describe(values);
        return (summary.Mean, summary.N < 2 ? 0 : summary.Ci95);
    }

    /// <summary>
    /// Count, mean, sample standard deviation and 95 % interval half-width of the finite values. One value has no spread to
    /// estimate: its sd and interval are undefined (NaN: an empty field in the CSV files, null in JSON), not 0.
    /// </summary>
    public static SeedSummary Describe(IReadOnlyList<double> values)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new SeedSummary(0, double.NaN, double.NaN, double.NaN);
        }
        if (finite.Length < 2)
        {
            return new SeedSummary(1, finite[0], double.NaN, double.NaN);
        }
        (double mean, double sd) = finite.MeanStandardDeviation();
        double t = StudentT.InvCDF(0, 1, finite.Length - 1, 0.975);
        return new SeedSummary(finite.Length, mean, sd, t * sd / Math.Sqrt(finite.Length));
    }

    public static double Mean(IEnumerable<double> values) => MeanCi(values.ToArray()).Mean;

    /// <summary>The mean of one metric over the given runs (their seeds).</summary>
    public static double Mean(IEnumerable<RunOutcome> outcomes, Func<RunSummary, double> metric) => Mean(outcomes.Select(o => metric(o.Result.Summary)));
}
