using Mosel.Sim.Model;

namespace Mosel.Policies.Online;

/// <summary>
/// Exact multiple-choice knapsack by a sparse dynamic programme over the jobs: after job j it keeps the
/// Pareto set of (latency, accuracy sum) partial plans. Latencies are rounded up to a grid of
/// <c>resolution</c> seconds, so every plan it returns fits the real budget, and it is optimal among
/// plans whose rounded latencies fit; "exact up to the resolution". Partial plans that cannot fit even
/// with the cheapest cells of the remaining jobs are cut early.
/// </summary>
/// <remarks>
/// One instance serves one policy, one decision at a time: its working arrays are kept between solves, so a decision
/// allocates only its answer (a simulation takes millions of decisions; allocating per decision cost more than the search).
/// </remarks>
public sealed class KnapsackOnlineSolver : IOnlineSolver
{
    /// <summary>
    /// Up to this many whole plans (the product of the jobs' choice counts) the search runs without branch and bound:
    /// building the greedy incumbent and the LP bounds then costs more than the states they cut. Measured with
    /// <c>mosel bench sim</c> (120 h of the Twitter trace, where most decisions re-plan 1-6 jobs) and <c>mosel bench
    /// solvers</c> (random queues of 2-24 jobs); pruning never changes the answer, only the time.
    /// </summary>
    internal const long DefaultPlansWithoutPruning = 256;

    private readonly double _resolution;
    private readonly long _plansWithoutPruning;
    private readonly SuffixBound _bound = new();
    private readonly DowngradeHeap _downgrades = new();
    // Job j's choices (grid weights and accuracies) at _offsets[j] .. _offsets[j + 1].
    private int[] _offsets = [];
    private long[] _weights = [];
    private double[] _accuracies = [];
    private long[] _minRemaining = [];
    private int[] _greedy = [];
    // The Pareto stages back to back: stage j at _stageStart[j] .. _stageStart[j + 1].
    private State[] _stages = [];
    private int[] _stageStart = [];
    private State[] _merged = [];
    private State[] _scratch = [];

    public KnapsackOnlineSolver(double resolutionSeconds)
        : this(resolutionSeconds, DefaultPlansWithoutPruning)
    {
    }

    /// <param name="plansWithoutPruning">Tests set it to 0 (always prune) or <see cref="long.MaxValue"/> (never).</param>
    internal KnapsackOnlineSolver(double resolutionSeconds, long plansWithoutPruning)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(plansWithoutPruning);
        _resolution = resolutionSeconds;
        _plansWithoutPruning = plansWithoutPruning;
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
        Pack(items);
        if (_minRemaining[0] > capacity)
        {
            return OnlineSolution.Failed(OnlineStatus.Infeasible);
        }

        // Branch and bound: the greedy downgrade's plan is a lower bound on the optimum, and a partial plan
        // whose LP upper bound for the remaining jobs cannot reach it is cut. A cut state can never lead to the optimum
        // (its bound is below the greedy plan's value by more than the 1e-12 that decides dominance), so the answer is the
        // same with or without it.
        bool prune = ManyPlans(n);
        double incumbent = double.NegativeInfinity;
        if (prune)
        {
            incumbent = GreedyLowerBound(n, capacity) - 1e-9;
            _bound.Build(n, _offsets, _weights, _accuracies);
        }

        // Stage j holds the Pareto states after deciding jobs 0..j-1 (weight and accuracy both increasing); each
        // remembers its parent (an index into stage j - 1) and choice. Stage j+1 merges stage j shifted by each choice.
        ScratchArray.Grow(ref _stageStart, n + 2);
        ScratchArray.Grow(ref _stages, 1);
        _stages[0] = new State(0, 0, -1, -1);
        _stageStart[0] = 0;
        _stageStart[1] = 1;
        long statesKept = 0;
        long candidates = 0;
        for (int j = 0; j < n; j++)
        {
            if (timeUp())
            {
                return OnlineSolution.Failed(OnlineStatus.TimedOut);
            }
            int previousStart = _stageStart[j];
            int previousCount = _stageStart[j + 1] - previousStart;
            long limit = capacity - _minRemaining[j + 1];
            int mergedCount = 0;
            for (int k = _offsets[j]; k < _offsets[j + 1]; k++)
            {
                ScratchArray.GrowKeeping(ref _merged, mergedCount, mergedCount + previousCount);
                ScratchArray.Grow(ref _scratch, mergedCount + previousCount);
                candidates += MergeShifted(_merged.AsSpan(0, mergedCount), _stages.AsSpan(previousStart, previousCount),
                    _weights[k], _accuracies[k], k - _offsets[j], limit, j + 1, capacity, prune, incumbent, _scratch, out int outputCount);
                (_merged, _scratch) = (_scratch, _merged);
                mergedCount = outputCount;
            }
            int next = _stageStart[j + 1];
            ScratchArray.GrowKeeping(ref _stages, next, next + mergedCount);
            Array.Copy(_merged, 0, _stages, next, mergedCount);
            _stageStart[j + 2] = next + mergedCount;
            statesKept += mergedCount;
        }
        effort = new SearchEffort(statesKept, candidates);
        int index = _stageStart[n + 1] - _stageStart[n] - 1;
        var choices = new int[n];
        double seconds = 0;
        double accuracySum = _stages[_stageStart[n] + index].AccuracySum;
        for (int j = n; j >= 1; j--)
        {
            State state = _stages[_stageStart[j] + index];
            choices[j - 1] = state.Choice;
            seconds += items[j - 1].Seconds(state.Choice);
            index = state.Parent;
        }
        return new OnlineSolution(OnlineStatus.Optimal, choices, accuracySum / n, seconds);
    }

    /// <summary>Whether the packed jobs have more whole plans than the search takes without pruning.</summary>
    private bool ManyPlans(int n)
    {
        // A double counts without overflowing: 30 jobs of 40 choices have 1e48 plans.
        double plans = 1;
        for (int j = 0; j < n && plans <= _plansWithoutPruning; j++)
        {
            plans *= _offsets[j + 1] - _offsets[j];
        }
        return plans > _plansWithoutPruning;
    }

    /// <summary>Copies the items' choices, rounded up to the grid, into the packed arrays; and the cheapest weight of every suffix.</summary>
    private void Pack(IReadOnlyList<OnlineItem> items)
    {
        int n = items.Count;
        ScratchArray.Grow(ref _offsets, n + 1);
        ScratchArray.Grow(ref _minRemaining, n + 1);
        _offsets[0] = 0;
        for (int j = 0; j < n; j++)
        {
            _offsets[j + 1] = _offsets[j] + items[j].Choices;
        }
        ScratchArray.Grow(ref _weights, _offsets[n]);
        ScratchArray.Grow(ref _accuracies, _offsets[n]);
        _minRemaining[n] = 0;
        for (int j = n - 1; j >= 0; j--)
        {
            OnlineItem item = items[j];
            int first = _offsets[j];
            for (int k = 0; k < item.Choices; k++)
            {
                _weights[first + k] = (long)Math.Ceiling((item.Seconds(k) / _resolution) - 1e-9);
                _accuracies[first + k] = item.Accuracy(k);
            }
            _minRemaining[j] = _minRemaining[j + 1] + _weights[first];
        }
    }

    /// <summary>
    /// Accuracy sum of the greedy downgrade on the integer grid; it always fits once the cheapest plan does. Each step
    /// takes the downgrade that saves the most weight per unit of accuracy lost (the lowest job on ties); only the
    /// downgraded job's next step changes, so the steps wait in a priority queue.
    /// </summary>
    private double GreedyLowerBound(int n, long capacity)
    {
        ScratchArray.Grow(ref _greedy, n);
        _downgrades.Clear();
        long total = 0;
        for (int j = 0; j < n; j++)
        {
            _greedy[j] = _offsets[j + 1] - 1;
            total += _weights[_greedy[j]];
            EnqueueDowngrade(j);
        }
        while (total > capacity && _downgrades.TryPop(out int best))
        {
            int k = _greedy[best];
            total -= _weights[k] - _weights[k - 1];
            _greedy[best] = k - 1;
            EnqueueDowngrade(best);
        }
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            sum += _accuracies[_greedy[j]];
        }
        return sum;
    }

    private void EnqueueDowngrade(int job)
    {
        int k = _greedy[job];
        if (k > _offsets[job])
        {
            _downgrades.Push(GreedyDowngrade.Ratio(_weights[k] - _weights[k - 1], _accuracies[k] - _accuracies[k - 1]), job);
        }
    }

    /// <summary>
    /// Writes into <paramref name="output"/> the Pareto merge of <paramref name="merged"/> and
    /// <paramref name="previous"/> shifted by one choice; both inputs are sorted by weight with accuracy
    /// increasing, and so is the output. Shifted states over the weight limit, or (when <paramref name="prune"/>) whose
    /// bound for jobs <paramref name="nextJob"/>..end cannot reach the incumbent, are skipped.
    /// Returns how many shifted states were generated (within the weight limit).
    /// </summary>
    private int MergeShifted(ReadOnlySpan<State> merged, ReadOnlySpan<State> previous, long weight, double accuracy, int choice,
        long limit, int nextJob, long capacity, bool prune, double incumbent, State[] output, out int outputCount)
    {
        outputCount = 0;
        double best = double.NegativeInfinity;
        int a = 0;
        int b = 0;
        while (true)
        {
            bool hasA = a < merged.Length;
            bool hasB = b < previous.Length && previous[b].Weight + weight <= limit;
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
                    if (prune && !(next.AccuracySum + _bound.Bound(nextJob, capacity - next.Weight) >= incumbent))
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
                output[outputCount++] = next;
                best = next.AccuracySum;
            }
        }
    }

    private readonly record struct State(long Weight, double AccuracySum, int Parent, int Choice);
}
