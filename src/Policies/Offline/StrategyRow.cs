using Mosel.Sim.Model;

namespace Mosel.Policies.Offline;

/// <summary>
/// The Pareto list of strategies for one job size: latency and accuracy both strictly increase, so the
/// cheapest strategy meeting a target is a binary search and the last cell is the most accurate.
/// </summary>
public sealed class StrategyRow
{
    /// <summary>Accuracies closer than this count as equal (sums of floating-point accuracies).</summary>
    public const double Tolerance = 1e-12;

    private readonly Strategy[] _cells;
    // The cells' estimated latencies and accuracies side by side: the online solver reads them for every queued job of every decision.
    private readonly double[] _seconds;
    private readonly double[] _accuracies;
    private readonly Dictionary<Strategy, int> _index;

    public StrategyRow(int size, IReadOnlyList<Strategy> cells)
    {
        if (cells.Count == 0)
        {
            throw new ArgumentException($"row {size} has no strategy", nameof(cells));
        }
        for (int i = 1; i < cells.Count; i++)
        {
            if (!(cells[i].EstimatedSeconds > cells[i - 1].EstimatedSeconds && cells[i].Accuracy > cells[i - 1].Accuracy))
            {
                throw new ArgumentException($"row {size} is not a Pareto list at cell {i}", nameof(cells));
            }
        }
        Size = size;
        _cells = cells.ToArray();
        _seconds = _cells.Select(c => c.EstimatedSeconds).ToArray();
        _accuracies = _cells.Select(c => c.Accuracy).ToArray();
        _index = new Dictionary<Strategy, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _cells.Length; i++)
        {
            _index[_cells[i]] = i;
        }
    }

    public int Size { get; }

    public IReadOnlyList<Strategy> Cells => _cells;

    public Strategy MaxAccuracy => _cells[^1];

    /// <summary>The estimated latency of cell <paramref name="index"/>.</summary>
    public double SecondsAt(int index) => _seconds[index];

    /// <summary>The accuracy of cell <paramref name="index"/>.</summary>
    public double AccuracyAt(int index) => _accuracies[index];

    /// <summary>Index of the cheapest cell whose accuracy reaches <paramref name="target"/>, or -1 when none does.</summary>
    public int FirstFeasible(double target)
    {
        int lo = 0;
        int hi = _cells.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_accuracies[mid] >= target - Tolerance)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo < _cells.Length ? lo : -1;
    }

    /// <summary>The cheapest strategy that meets <paramref name="target"/>, or null when the target is above this row's best accuracy.</summary>
    public Strategy? Cheapest(double target)
    {
        int index = FirstFeasible(target);
        return index < 0 ? null : _cells[index];
    }

    public int IndexOf(Strategy strategy) => _index.TryGetValue(strategy, out int index) ? index : -1;
}
