namespace Mosel.Sim.Engine;

/// <summary>
/// Events ordered by (time, priority, insertion sequence). The BCL priority queue does not keep FIFO
/// order among equal keys, so the sequence number is what makes equal-time events fire in a fixed order.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<SimEvent, EventKey> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(double timeSeconds, SimEvent simEvent) =>
        _queue.Enqueue(simEvent, new EventKey(timeSeconds, (int)simEvent.Kind, _sequence++));

    public bool TryPeek(out SimEvent simEvent, out double timeSeconds)
    {
        if (_queue.TryPeek(out simEvent, out EventKey key))
        {
            timeSeconds = key.Time;
            return true;
        }
        timeSeconds = 0;
        return false;
    }

    public bool TryDequeue(out SimEvent simEvent, out double timeSeconds)
    {
        if (_queue.TryDequeue(out simEvent, out EventKey key))
        {
            timeSeconds = key.Time;
            return true;
        }
        timeSeconds = 0;
        return false;
    }

    private readonly record struct EventKey(double Time, int Priority, long Sequence) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other)
        {
            int byTime = Time.CompareTo(other.Time);
            if (byTime != 0)
            {
                return byTime;
            }
            int byPriority = Priority.CompareTo(other.Priority);
            return byPriority != 0 ? byPriority : Sequence.CompareTo(other.Sequence);
        }
    }
}
