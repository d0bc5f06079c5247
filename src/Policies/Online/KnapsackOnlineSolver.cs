using Mosel.Sim.Engine;
using Mosel.Sim.Model;

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

    public DecisionPath Path => DecisionPath.Exact;

    public OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp) =>
        Solve(items, budgetSeconds, timeUp, out _);

    /// <param name="effort">How much the search looked at: tests guard that pruning keeps pruning (its speed depends on it, its answer does not).</param>
    internal OnlineSolution Solve(IReadOnlyList<OnlineItem> items, double budgetSeconds, Func<bool> timeUp, out SearchEffort effort)
    {
        effort = default;
        if (OnlineSolution.Trivial(items, budgetSeconds) is { } trivial)
        {
            return trivial;
        }
        int n = items.Count;
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

        // Branch and bound: the greedy downgrade's plan is a lower bound on the optimum, and a partial plan
        // whose LP upper bound for the remaining jobs cannot reach it is cut.
        double incumbent = GreedyLowerBound(items, weights, capacity) - 1e-9;
        var bound = new SuffixBound(items, weights);

        // stages[j] holds the Pareto states after deciding jobs 0..j-1 (weight and accuracy both increasing);
        // each remembers its parent and choice. Stage j+1 merges the previous stage shifted by each choice.
        var stages = new List<State>[n + 1];
        stages[0] = [new State(0, 0, -1, -1)];
        var merged = new List<State>();
        var scratch = new List<State>();
        long statesKept = 0;
        long candidates = 0;
        for (int j = 0; j < n; j++)
        {
            if (timeUp())
            {
                return OnlineSolution.Failed(OnlineStatus.TimedOut);
            }
            List<State> previous = stages[j];
            long limit = capacity - minRemaining[j + 1];
            Func<long, double, bool> promising = (weight, accuracy) => accuracy + bound.Bound(j + 1, capacity - weight) >= incumbent;
            merged.Clear();
            for (int k = 0; k < weights[j].Length; k++)
            {
                candidates += MergeShifted(merged, previous, weights[j][k], items[j].Accuracy(k), k, limit, promising, scratch);
                (merged, scratch) = (scratch, merged);
            }
            stages[j + 1] = new List<State>(merged);
            statesKept += merged.Count;
        }
        effort = new SearchEffort(statesKept, candidates);
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

    /// <summary>Accuracy sum of the greedy downgrade on the integer grid; it always fits once the cheapest plan does.</summary>
    private static double GreedyLowerBound(IReadOnlyList<OnlineItem> items, long[][] weights, long capacity)
    {
        int n = items.Count;
        var choices = new int[n];
        long total = 0;
        for (int j = 0; j < n; j++)
        {
            choices[j] = weights[j].Length - 1;
            total += weights[j][choices[j]];
        }
        while (total > capacity)
        {
            int best = -1;
            double bestRatio = double.NegativeInfinity;
            for (int j = 0; j < n; j++)
            {
                int k = choices[j];
                if (k > 0)
                {
                    double ratio = (weights[j][k] - weights[j][k - 1]) / Math.Max(items[j].Accuracy(k) - items[j].Accuracy(k - 1), 1e-12);
                    if (ratio > bestRatio)
                    {
                        bestRatio = ratio;
                        best = j;
                    }
                }
            }
            total -= weights[best][choices[best]] - weights[best][choices[best] - 1];
            choices[best]--;
        }
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            sum += items[j].Accuracy(choices[j]);
        }
        return sum;
    }

    /// <summary>
    /// Writes into <paramref name="output"/> the Pareto merge of <paramref name="merged"/> and
    /// <paramref name="previous"/> shifted by one choice; both inputs are sorted by weight with accuracy
    /// increasing, and so is the output. Shifted states over the weight limit or that cannot beat the incumbent are skipped.
    /// Returns how many shifted states were generated (within the weight limit).
    /// </summary>
    private static int MergeShifted(List<State> merged, List<State> previous, long weight, double accuracy, int choice,
        long limit, Func<long, double, bool> promising, List<State> output)
    {
        output.Clear();
        double best = double.NegativeInfinity;
        int a = 0;
        int b = 0;
        while (true)
        {
            bool hasA = a < merged.Count;
            bool hasB = b < previous.Count && previous[b].Weight + weight <= limit;
            if (!hasA && !hasB)
            {
                return b;
            }
            State next;
            if (hasB)
            {
                var shifted = new State(previous[b].Weight + weight, previous[b].AccuracySum + accuracy, b, choice);
                if (!hasA || shifted.Weight < merged[a].Weight || (shifted.Weight == merged[a].Weight && shifted.AccuracySum > merged[a].AccuracySum))
                {
                    next = shifted;
                    b++;
                    if (!promising(next.Weight, next.AccuracySum))
                    {
                        continue;
                    }
                }
                else
                {
                    next = merged[a++];
                }
            }
            else
            {
                next = merged[a++];
            }
            if (next.AccuracySum > best + 1e-12)
            {
                output.Add(next);
                best = next.AccuracySum;
            }
        }
    }

    private readonly record struct State(long Weight, double AccuracySum, int Parent, int Choice);
}
