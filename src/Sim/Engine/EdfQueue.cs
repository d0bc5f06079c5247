using System.Collections;
using Mosel.Sim.Model;

namespace Mosel.Sim.Engine;

/// <summary>
/// Earliest-deadline-first queue, ties broken by job id: policies walk it in EDF order without copying, the head leaves
/// in O(1), and a new job (mostly the latest deadline) goes in without shifting the queue (<see cref="SortedQueue{T}"/>).
/// </summary>
public sealed class EdfQueue : IReadOnlyList<Job>
{
    private readonly SortedQueue<Job> _jobs = new(Compare);

    public int Count => _jobs.Count;

    /// <summary>The i-th job in EDF order (0 = next to run).</summary>
    public Job this[int index] => _jobs[index];

    internal void Add(Job job) => _jobs.Insert(job);

    internal Job PopHead() => _jobs.RemoveAt(0);

    internal bool Remove(Job job)
    {
        int index = _jobs.IndexOf(job);
        if (index < 0)
        {
            return false;
        }
        _jobs.RemoveAt(index);
        return true;
    }

    public IEnumerator<Job> GetEnumerator() => _jobs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Compare(Job a, Job b)
    {
        int byDeadline = a.DeadlineSeconds.CompareTo(b.DeadlineSeconds);
        return byDeadline != 0 ? byDeadline : a.Id.CompareTo(b.Id);
    }
}
