using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Reference;

namespace Mosel.Sim.Tests;

public sealed class EdfListTests
{
    /// <summary>
    /// Against a plain list with a stable sort: random inserts (many equal deadlines) and removals near the front and
    /// anywhere, across the list's compaction, keep the same jobs in the same order.
    /// </summary>
    [Fact]
    public void KeepsTheOrderOfAStableSortThroughInsertsAndRemovalsAnywhere()
    {
        var random = new Random(5);
        Strategy strategy = Strategy.Uniform(0, 1, new LatencyModel(TestProfiles.Constant(1), Precision.Fp32));
        var list = new EdfList();
        var expected = new List<ReferenceJob>();
        for (int i = 0; i < 20_000; i++)
        {
            if (expected.Count > 0 && random.NextDouble() < 0.45)
            {
                int at = random.NextDouble() < 0.8 ? 0 : random.Next(expected.Count);
                Assert.Same(expected[at], list.RemoveAt(at));
                expected.RemoveAt(at);
                continue;
            }
            // Deadlines mostly later than everything queued, sometimes earlier than all, often equal to another's.
            double deadline = random.NextDouble() < 0.1 ? -i : Math.Round(i / 10.0 + random.Next(5));
            var job = new ReferenceJob(new Job(i, 0, 1, deadline, 0, strategy), warmUp: false);
            list.Insert(job);
            int place = expected.FindLastIndex(j => j.Deadline <= deadline) + 1;
            expected.Insert(place, job);
        }
        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected.Select(j => j.Job.Id), list.Select(j => j.Job.Id));
        Assert.Equal(expected.Select(j => j.Job.Id), Enumerable.Range(0, list.Count).Select(i => list[i].Job.Id));
    }

    [Fact]
    public void AnIndexOutsideTheListIsRefusedRatherThanReadingAnEmptySlot()
    {
        Strategy strategy = Strategy.Uniform(0, 1, new LatencyModel(TestProfiles.Constant(1), Precision.Fp32));
        var list = new EdfList();
        for (int i = 0; i < 3; i++)
        {
            list.Insert(new ReferenceJob(new Job(i, 0, 1, i, 0, strategy), warmUp: false));
        }
        list.RemoveAt(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.RemoveAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.RemoveAt(2));
        Assert.Equal([1, 2], list.Select(j => j.Job.Id));
    }
}
