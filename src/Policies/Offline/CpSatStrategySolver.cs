using Google.OrTools.Sat;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Offline;

/// <summary>
/// The cross-check solver on Google OR-Tools CP-SAT: one Boolean per (configuration, count), exactly one
/// count per configuration, counts summing to B. CP-SAT is integral: latencies are scaled to nanoseconds
/// and accuracies to 1e-6, so it agrees with the exact solver up to that rounding. (With accuracies
/// scaled to 1e-9, CP-SAT 9.15 wrongly reported some TVLT cells infeasible.)
/// </summary>
public sealed class CpSatStrategySolver : IStrategySolver
{
    private const double AccuracyScale = 1e6;
    private const double SecondsScale = 1e9;

    public string Name => "ortools";

    public Strategy? Solve(LatencyModel latency, int size, double target)
    {
        int configs = latency.ConfigurationCount;
        ModelProfile profile = latency.Profile;
        var model = new CpModel();
        var choose = new BoolVar[configs, size + 1];
        LinearExprBuilder count = LinearExpr.NewBuilder();
        LinearExprBuilder accuracy = LinearExpr.NewBuilder();
        LinearExprBuilder seconds = LinearExpr.NewBuilder();
        for (int c = 0; c < configs; c++)
        {
            var options = new List<ILiteral>();
            long accuracyUnits = (long)Math.Round(profile.Configurations[c].Accuracy * AccuracyScale);
            for (int k = 0; k <= size; k++)
            {
                choose[c, k] = model.NewBoolVar($"x{c}_{k}");
                options.Add(choose[c, k]);
                count.AddTerm(choose[c, k], k);
                accuracy.AddTerm(choose[c, k], accuracyUnits * k);
                seconds.AddTerm(choose[c, k], (long)Math.Round(latency.Seconds(c, k) * SecondsScale));
            }
            model.AddExactlyOne(options);
        }
        model.Add(count == size);
        model.Add(accuracy >= (long)Math.Ceiling((target * size * AccuracyScale) - 1e-3));
        model.Minimize(seconds);
        var solver = new CpSolver { StringParameters = "num_workers:1,random_seed:1,max_time_in_seconds:30" };
        CpSolverStatus status = solver.Solve(model);
        if (status == CpSolverStatus.Infeasible)
        {
            return null;
        }
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"CP-SAT did not prove optimality for size {size}, target {target} ({status})");
        }
        var counts = new int[configs];
        for (int c = 0; c < configs; c++)
        {
            for (int k = 0; k <= size; k++)
            {
                if (solver.BooleanValue(choose[c, k]))
                {
                    counts[c] = k;
                }
            }
        }
        return new Strategy(counts, Strategy.MeanAccuracy(counts, profile), latency.StrategySeconds(counts));
    }
}
