using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>The EDF queue's order (deadline, then id, whatever the insertion order), its indexer and removal.</summary>
public sealed class EdfQueueTests
{
    private static readonly Strategy s_strategy = Strategy.Uniform(0, 1, new LatencyModel(TestProfiles.Constant(1), Precision.Fp32));

    private static Job NewJob(int id, double deadline) => new(id, 0, 1, deadline, 0, s_strategy);

    /// <summary>
    /// Against a list sorted by (deadline, id): 20,000 random adds (mostly the latest deadline, some the earliest, ids out
    /// of order), head pops and removals anywhere, across the front's compaction, give the same jobs in the same order.
    /// </summary>
    [Fact]
    public void KeepsDeadlineThenIdOrderThroughAddsPopsAndRemovalsAnywhere()
    {
        var random = new Random(7);
        var queue = new EdfQueue();
        var expected = new List<Job>();
        for (int i = 0; i < 20_000; i++)
        {
            double roll = random.NextDouble();
            if (expected.Count > 0 && roll < 0.35)
            {
                Assert.Same(expected[0], queue.PopHead());
                expected.RemoveAt(0);
                continue;
            }
            if (expected.Count > 0 && roll < 0.45)
            {
                Job gone = expected[random.Next(expected.Count)];
                Assert.True(queue.Remove(gone));
                expected.Remove(gone);
                continue;
            }
            int id = random.NextDouble() < 0.1 ? -i : i;
            double deadline = random.NextDouble() < 0.1 ? -i : Math.Round(i / 10.0 + random.Next(5));
            Job job = NewJob(id, deadline);
            queue.Add(job);
            expected.Add(job);
            expected.Sort((a, b) => a.DeadlineSeconds != b.DeadlineSeconds ? a.DeadlineSeconds.CompareTo(b.DeadlineSeconds) : a.Id.CompareTo(b.Id));
        }
        Assert.Equal(expected.Select(j => j.Id), queue.Select(j => j.Id));
        Assert.Equal(expected.Select(j => j.Id), Enumerable.Range(0, queue.Count).Select(i => queue[i].Id));
    }

    [Fact]
    public void EqualDeadlinesAreOrderedByIdEvenWhenAddedInReverse()
    {
        var queue = new EdfQueue();
        foreach (Job job in new[] { NewJob(5, 1), NewJob(4, 1), NewJob(3, 0.5), NewJob(2, 1), NewJob(1, 2) })
        {
            queue.Add(job);
        }
        Assert.Equal([3, 2, 4, 5, 1], queue.Select(j => j.Id));
        Assert.Equal([3, 2, 4, 5, 1], Enumerable.Range(0, queue.Count).Select(i => queue[i].Id));
    }

    [Fact]
    public void RemoveTakesOutExactlyThatJobAndSaysWhetherItWasThere()
    {
        var queue = new EdfQueue();
        Job[] jobs = [NewJob(0, 1), NewJob(1, 2), NewJob(2, 3)];
        foreach (Job job in jobs)
        {
            queue.Add(job);
        }
        Assert.True(queue.Remove(jobs[1]));
        Assert.Equal([0, 2], queue.Select(j => j.Id));
        Assert.False(queue.Remove(jobs[1]));
        Assert.False(queue.Remove(NewJob(0, 1)));   // equal fields, another job
        Assert.True(queue.Remove(jobs[0]));
        Assert.True(queue.Remove(jobs[2]));
        Assert.Empty(queue);
    }
}
