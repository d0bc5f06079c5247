using System.Collections;
using Mosel.Sim.Engine;

namespace Mosel.Sim.Reference;

/// <summary>
/// The monitor's EDF list: jobs by deadline, a job after every job with the same deadline (the authors' stable order).
/// Jobs leave from the front (dispatch, the idle path, a dropped violator near the head) and arrive near the back, which
/// <see cref="SortedQueue{T}"/> does without shifting the whole list.
/// </summary>
internal sealed class EdfList : IReadOnlyList<ReferenceJob>
{
    private readonly SortedQueue<ReferenceJob> _jobs = new((a, b) => a.Deadline.CompareTo(b.Deadline));

    public int Count => _jobs.Count;

    public ReferenceJob this[int index] => _jobs[index];

    /// <summary>Inserts after every job whose deadline is at or before this one's.</summary>
    public void Insert(ReferenceJob job) => _jobs.Insert(job);

    public ReferenceJob RemoveAt(int index) => _jobs.RemoveAt(index);

    public IEnumerator<ReferenceJob> GetEnumerator() => _jobs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
