using System.Collections;
using Mosel.Sim.Model;

namespace Mosel.Sim.Engine;

/// <summary>
/// Earliest-deadline-first queue, ties broken by job id. Kept as a list sorted by descending key so
/// the head is removed in O(1) and policies can walk the queue in EDF order without copying.
/// </summary>
public sealed class EdfQueue : IReadOnlyList<Job>
{
    private readonly List<Job> _descending = new();

    public int Count => _descending.Count;

    /// <summary>The i-th job in EDF order (0 = next to run).</summary>
    public Job this[int index] => _descending[_descending.Count - 1 - index];

    internal void Add(Job job)
    {
        int lo = 0;
        int hi = _descending.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Compare(_descending[mid], job) > 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        _descending.Insert(lo, job);
    }

    internal Job PopHead()
    {
        Job head = _descending[^1];
        _descending.RemoveAt(_descending.Count - 1);
        return head;
    }

    internal bool Remove(Job job)
    {
        for (int i = _descending.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_descending[i], job))
            {
                _descending.RemoveAt(i);
                return true;
            }
        }
        return false;
    }

    public IEnumerator<Job> GetEnumerator()
    {
        for (int i = _descending.Count - 1; i >= 0; i--)
        {
            yield return _descending[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Compare(Job a, Job b)
    {
        int byDeadline = a.DeadlineSeconds.CompareTo(b.DeadlineSeconds);
        return byDeadline != 0 ? byDeadline : a.Id.CompareTo(b.Id);
    }
}
