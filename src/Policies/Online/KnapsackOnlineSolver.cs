namespace Mosel.Policies.Online;

/// <summary>
/// Exact multiple-choice knapsack by a sparse dynamic programme over the jobs: after job j it keeps the
/// Pareto set of (latency, accuracy sum) partial plans. Latencies are rounded up to a grid of
/// <c>resolution</c> seconds, so every plan it returns fits the real budget, and it is optimal among
/// plans whose rounded latencies fit; "exact up to the resolution". Partial plans that cannot fit even
/// with the cheapest cells of the remaining jobs are cut early.
/// </summary>
public sealed class KnapsackOnlineSolver : IOnlineSolver
{
    private readonly double _resolution;

    public KnapsackOnlineSolver(double resolutionSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionSeconds);
        _resolution = resolutionSeconds;
    }

    public string Name => "exact";

    public OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp)
    {
        int n = items.Count;
        if (n == 0)
        {
            return new OnlineSolution(OnlineStatus.Optimal, [], double.NaN, 0);
        }
        if (!(budgetSeconds > 0))
        {
            return OnlineSolution.Failed(OnlineStatus.Infeasible);
        }
        long capacity = (long)Math.Floor((budgetSeconds / _resolution) + 1e-9);
        var weights = new long[n][];
        var minRemaining = new long[n + 1];
        for (int j = n - 1; j >= 0; j--)
        {
            weights[j] = new long[items[j].Choices];
            for (int k = 0; k < weights[j].Length; k++)
            {
                weights[j][k] = (long)Math.Ceiling((items[j].Seconds(k) / _resolution) - 1e-9);
            }
            minRemaining[j] = minRemaining[j + 1] + weights[j][0];
        }
        if (minRemaining[0] > capacity)
        {
            return OnlineSolution.Failed(OnlineStatus.Infeasible);
        }

        // stages[j] holds the Pareto states after deciding jobs 0..j-1; each remembers its parent and choice.
        var stages = new List<State>[n + 1];
        stages[0] = [new State(0, 0, -1, -1)];
        var candidates = new List<State>();
        for (int j = 0; j < n; j++)
        {
            if (timeUp())
            {
                return OnlineSolution.Failed(OnlineStatus.TimedOut);
            }
            candidates.Clear();
            List<State> previous = stages[j];
            long limit = capacity - minRemaining[j + 1];
            for (int s = 0; s < previous.Count; s++)
            {
                State state = previous[s];
                for (int k = 0; k < weights[j].Length; k++)
                {
                    long weight = state.Weight + weights[j][k];
                    if (weight > limit)
                    {
                        break;
                    }
                    candidates.Add(new State(weight, state.AccuracySum + items[j].Accuracy(k), s, k));
                }
            }
            stages[j + 1] = Prune(candidates);
        }
        List<State> last = stages[n];
        int index = last.Count - 1;
        var choices = new int[n];
        double seconds = 0;
        double accuracySum = last[index].AccuracySum;
        for (int j = n; j >= 1; j--)
        {
            State state = stages[j][index];
            choices[j - 1] = state.Choice;
            seconds += items[j - 1].Seconds(state.Choice);
            index = state.Parent;
        }
        return new OnlineSolution(OnlineStatus.Optimal, choices, accuracySum / n, seconds);
    }

    private static List<State> Prune(List<State> candidates)
    {
        candidates.Sort(static (a, b) =>
        {
            int byWeight = a.Weight.CompareTo(b.Weight);
            return byWeight != 0 ? byWeight : b.AccuracySum.CompareTo(a.AccuracySum);
        });
        var kept = new List<State>();
        double best = double.NegativeInfinity;
        foreach (State state in candidates)
        {
            if (state.AccuracySum > best + 1e-12)
            {
                kept.Add(state);
                best = state.AccuracySum;
            }
        }
        return kept;
    }

    private readonly record struct State(long Weight, double AccuracySum, int Parent, int Choice);
}
