using Mosel.Policies.Online;

namespace Mosel.Policies.Tests;

public class DowngradeHeapTests
{
    [Fact]
    public void PopsTheLargestRatioFirstAndTheLowestJobAmongEqualRatios()
    {
        // Hand-built: ratios 2, 5, 5, 1, 5 for jobs 4, 3, 1, 0, 2. Expected order: the three 5s by job (1, 2, 3), then 2 (job 4), then 1 (job 0).
        var heap = new DowngradeHeap();
        heap.Push(2, 4);
        heap.Push(5, 3);
        heap.Push(5, 1);
        heap.Push(1, 0);
        heap.Push(5, 2);
        var popped = new List<int>();
        while (heap.TryPop(out int job))
        {
            popped.Add(job);
        }
        Assert.Equal([1, 2, 3, 4, 0], popped);
        Assert.False(heap.TryPop(out _));
    }

    [Fact]
    public void AgreesWithAScanOverTheJobsUnderRandomPushesAndPops()
    {
        // The greedy incumbent's rule as it was first written: scan the jobs in order, keep the first strictly larger ratio.
        // Ratios from a small set so that ties are common; pushes and pops interleaved, growing past the initial capacity.
        var random = new Random(99);
        var heap = new DowngradeHeap();
        var pending = new Dictionary<int, double>();
        int nextJob = 0;
        for (int step = 0; step < 5000; step++)
        {
            if (pending.Count == 0 || random.NextDouble() < 0.55)
            {
                double ratio = random.Next(6) * 0.5;
                heap.Push(ratio, nextJob);
                pending[nextJob++] = ratio;
                continue;
            }
            int expected = -1;
            double best = double.NegativeInfinity;
            foreach (int job in pending.Keys.Order())
            {
                if (pending[job] > best)
                {
                    best = pending[job];
                    expected = job;
                }
            }
            Assert.True(heap.TryPop(out int popped));
            Assert.Equal(expected, popped);
            pending.Remove(popped);
        }
    }
}
