using System.Collections;

namespace Mosel.Sim.Reference;

/// <summary>
/// The monitor's EDF list. Jobs leave from the front (dispatch, the idle path, a dropped violator near the head) and
/// arrive near the back (new deadlines are mostly the latest), and in overload the list holds hundreds of thousands of
/// jobs: removal near the front shifts only the jobs before it, and insertion only the jobs after its place, so neither
/// costs the whole list. Order is stable: a job goes after every job with the same deadline.
/// </summary>
internal sealed class EdfList : IReadOnlyList<ReferenceJob>
{
    private readonly List<ReferenceJob?> _items = new();
    private int _head;

    public int Count => _items.Count - _head;

    public ReferenceJob this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            return _items[_head + index]!;
        }
    }

    /// <summary>Inserts after every job whose deadline is at or before this one's.</summary>
    public void Insert(ReferenceJob job)
    {
        int lo = _head;
        int hi = _items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid]!.Deadline <= job.Deadline)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        if (lo == _head && _head > 0)
        {
            _items[--_head] = job;
            return;
        }
        _items.Insert(lo, job);
    }

    public ReferenceJob RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int at = _head + index;
        ReferenceJob job = _items[at]!;
        for (int i = at; i > _head; i--)
        {
            _items[i] = _items[i - 1];
        }
        _items[_head++] = null;
        if (_head > 1024 && _head * 2 > _items.Count)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
        return job;
    }

    public IEnumerator<ReferenceJob> GetEnumerator()
    {
        for (int i = _head; i < _items.Count; i++)
        {
            yield return _items[i]!;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
