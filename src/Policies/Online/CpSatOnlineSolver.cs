using Google.OrTools.Sat;
using Mosel.Sim.Model;

namespace Mosel.Policies.Online;

/// <summary>
/// The multiple-choice knapsack on OR-Tools CP-SAT (one worker, fixed seed): one Boolean per (job, cell),
/// exactly one per job, latencies rounded up to the same grid as the exact solver, accuracies scaled to
/// 1e-6. Used to cross-check the exact solver and as the <c>solver: ortools</c> option.
/// </summary>
public sealed class CpSatOnlineSolver : IOnlineSolver
{
    private const double AccuracyScale = 1e6;
    private readonly double _resolution;

    /// <param name="deterministic">Stop on CP-SAT's deterministic time rather than wall seconds.</param>
    public CpSatOnlineSolver(double resolutionSeconds, double timeLimitSeconds, bool deterministic = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeLimitSeconds);
        _resolution = resolutionSeconds;
        string limit = deterministic ? "max_deterministic_time" : "max_time_in_seconds";
        Parameters = $"num_workers:1,random_seed:1,{limit}:{timeLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>CP-SAT's parameters for every solve: one worker, a fixed seed, and the time limit in wall seconds or deterministic time.</summary>
    public string Parameters { get; }

    public DecisionPath Path => DecisionPath.OrTools;

    public OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp)
    {
        if (OnlineSolution.Trivial(items, budgetSeconds) is { } trivial)
        {
            return trivial;
        }
        int n = items.Count;
        var model = new CpModel();
        var choose = new BoolVar[n][];
        LinearExprBuilder weight = LinearExpr.NewBuilder();
        LinearExprBuilder accuracy = LinearExpr.NewBuilder();
        for (int j = 0; j < n; j++)
        {
            choose[j] = new BoolVar[items[j].Choices];
            for (int k = 0; k < choose[j].Length; k++)
            {
                choose[j][k] = model.NewBoolVar($"y{j}_{k}");
                weight.AddTerm(choose[j][k], (long)Math.Ceiling((items[j].Seconds(k) / _resolution) - 1e-9));
                accuracy.AddTerm(choose[j][k], (long)Math.Round(items[j].Accuracy(k) * AccuracyScale));
            }
            model.AddExactlyOne(choose[j]);
        }
        model.Add(weight <= (long)Math.Floor((budgetSeconds / _resolution) + 1e-9));
        model.Maximize(accuracy);
        var solver = new CpSolver
        {
            StringParameters = Parameters,
        };
        CpSolverStatus status = solver.Solve(model);
        if (status == CpSolverStatus.Infeasible)
        {
            return OnlineSolution.Failed(OnlineStatus.Infeasible);
        }
        if (status != CpSolverStatus.Optimal)
        {
            return OnlineSolution.Failed(OnlineStatus.TimedOut);
        }
        var choices = new int[n];
        double seconds = 0;
        double accuracySum = 0;
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < choose[j].Length; k++)
            {
                if (solver.BooleanValue(choose[j][k]))
                {
                    choices[j] = k;
                }
            }
            seconds += items[j].Seconds(choices[j]);
            accuracySum += items[j].Accuracy(choices[j]);
        }
        return new OnlineSolution(OnlineStatus.Optimal, choices, accuracySum / n, seconds);
    }
}
