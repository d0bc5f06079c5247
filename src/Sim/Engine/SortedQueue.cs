using System.Collections;

namespace Mosel.Sim.Engine;

/// <summary>
/// A list kept in ascending order whose items mostly leave from the front and arrive near the back, as jobs in deadline
/// order do (a new job's deadline is mostly the latest): the front is an offset, so removing the head costs nothing and
/// removing near it shifts only the items before; an insert shifts only the items after its place. Under overload the
/// list holds hundreds of thousands of jobs, and neither operation touches them all. An item goes after every item that
/// compares at or below it (so equal keys keep their arrival order).
/// </summary>
public sealed class SortedQueue<T>(Comparison<T> compare) : IReadOnlyList<T>
    where T : class
{
    /// <summary>Freed front slots are given back once there are this many and they are half the list.</summary>
    private const int CompactAfter = 1024;

    private readonly List<T?> _items = new();
    private int _head;

    public int Count => _items.Count - _head;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            return _items[_head + index]!;
        }
    }

    public void Insert(T item)
    {
        int lo = _head;
        int hi = _items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (compare(_items[mid]!, item) <= 0)
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
            _items[--_head] = item;
            return;
        }
        _items.Insert(lo, item);
    }

    /// <summary>Removes the item at <paramref name="index"/>, shifting whichever side of it is shorter.</summary>
    public T RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int at = _head + index;
        T item = _items[at]!;
        if (index >= Count - index)
        {
            _items.RemoveAt(at);
            return item;
        }
        for (int i = at; i > _head; i--)
        {
            _items[i] = _items[i - 1];
        }
        _items[_head++] = null;
        if (_head > CompactAfter && _head * 2 > _items.Count)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
        return item;
    }

    /// <summary>The position of this very item (by reference), or -1.</summary>
    public int IndexOf(T item)
    {
        for (int i = _head; i < _items.Count; i++)
        {
            if (ReferenceEquals(_items[i], item))
            {
                return i - _head;
            }
        }
        return -1;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = _head; i < _items.Count; i++)
        {
            yield return _items[i]!;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
