using MathNet.Numerics.Distributions;
using Mosel.Experiments.Running;
using Mosel.Plots;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Reproduction;

/// <summary>Means over seeds with 95 % Student-t confidence intervals, as plot series.</summary>
public static class Aggregate
{
    public static (double Mean, double HalfWidth) MeanCi(IReadOnlyList<double> values)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return (double.NaN, 0);
        }
        double mean = finite.Average();
        if (finite.Length < 2)
        {
            return (mean, 0);
        }
        double sd = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        double t = StudentT.InvCDF(0, 1, finite.Length - 1, 0.975);
        return (mean, t * sd / Math.Sqrt(finite.Length));
    }

    /// <summary>One series per policy: metric against load.</summary>
    public static IReadOnlyList<DataSeries> ByLoad(IReadOnlyList<RunOutcome> outcomes, Func<RunSummary, double> metric, Func<string, string>? label = null) =>
        outcomes.GroupBy(o => o.Run.Policy)
            .Select(policy => new DataSeries(label?.Invoke(policy.Key) ?? policy.Key, policy
                .GroupBy(o => o.Run.LoadQps ?? 0)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    (double mean, double half) = MeanCi(g.Select(o => metric(o.Result.Summary)).ToArray());
                    return new SeriesPoint(g.Key, mean, half);
                })
                .ToArray()))
            .ToArray();

    public static double Mean(IEnumerable<RunOutcome> outcomes, Func<RunSummary, double> metric) =>
        MeanCi(outcomes.Select(o => metric(o.Result.Summary)).ToArray()).Mean;
}
