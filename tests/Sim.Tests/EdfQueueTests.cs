using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Sim.Tests;

/// <summary>The EDF queue's order (deadline, then id, whatever the insertion order), its indexer and removal.</summary>
public sealed class EdfQueueTests
{
    private static readonly Strategy s_strategy = Strategy.Uniform(0, 1, new LatencyModel(TestProfiles.Constant(1), Precision.Fp32));

    private static Job NewJob(int id, double deadline) => new(id, 0, 1, deadline, 0, s_strategy);

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
