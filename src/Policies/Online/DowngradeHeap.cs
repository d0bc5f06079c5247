namespace Mosel.Policies.Online;

/// <summary>
/// The greedy downgrade's pending steps, one per job: a binary max-heap by ratio (weight saved per unit of accuracy
/// lost), the lowest job first on equal ratios, as a scan over the jobs in order would pick. Written out rather than a
/// <see cref="PriorityQueue{TElement, TPriority}"/> with a comparer: it runs in every exact decision, and the comparer's
/// indirect calls were most of its cost.
/// </summary>
internal sealed class DowngradeHeap
{
    private double[] _ratios = new double[16];
    private int[] _jobs = new int[16];
    private int _count;

    public void Clear() => _count = 0;

    public void Push(double ratio, int job)
    {
        if (_count == _ratios.Length)
        {
            Array.Resize(ref _ratios, _count * 2);
            Array.Resize(ref _jobs, _count * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(ratio, job, _ratios[parent], _jobs[parent]))
            {
                break;
            }
            _ratios[i] = _ratios[parent];
            _jobs[i] = _jobs[parent];
            i = parent;
        }
        _ratios[i] = ratio;
        _jobs[i] = job;
    }

    public bool TryPop(out int job)
    {
        if (_count == 0)
        {
            job = -1;
            return false;
        }
        job = _jobs[0];
        _count--;
        double ratio = _ratios[_count];
        int last = _jobs[_count];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && Before(_ratios[child + 1], _jobs[child + 1], _ratios[child], _jobs[child]))
            {
                child++;
            }
            if (!Before(_ratios[child], _jobs[child], ratio, last))
            {
                break;
            }
            _ratios[i] = _ratios[child];
            _jobs[i] = _jobs[child];
            i = child;
        }
        _ratios[i] = ratio;
        _jobs[i] = last;
        return true;
    }

    private static bool Before(double ratio, int job, double otherRatio, int otherJob) =>
        ratio > otherRatio || (ratio == otherRatio && job < otherJob);
}
