using Mosel.Executor.Execution;
using Mosel.Executor.Native;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using TorchSharp;

namespace Mosel.Executor.Tests;

public sealed class LiveReplayServiceTests
{
    [Fact]
    public void EachWorkerSetsUpOnItsOwnThreadBeforeTheReplayStartsAndUndoesItAtTheEnd()
    {
        var setUpOn = new System.Collections.Concurrent.ConcurrentBag<int>();
        int undone = 0;
        var service = new LiveReplayService(new NeverCalled(), Precision.Fp32, workers: 3, sleepForServiceTime: true, () =>
        {
            setUpOn.Add(Environment.CurrentManagedThreadId);
            return new Undo(() => Interlocked.Increment(ref undone));
        });
        // The constructor returns only once every worker is ready.
        Assert.Equal(3, setUpOn.Count);
        Assert.Equal(3, setUpOn.Distinct().Count());
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, setUpOn);
        service.BeginReplay();
        Assert.False(service.WaitForCompletion(0.02, out _, out _));
        Assert.True(service.Now >= 0.02, "a timed wait lasts until the clock gets there");
        service.Dispose();
        Assert.Equal(3, undone);
    }

    [Fact]
    public void AWorkerThatCannotSetUpFailsTheReplayClearly()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() =>
            new LiveReplayService(new NeverCalled(), Precision.Fp32, workers: 2, sleepForServiceTime: false,
                () => throw new ArgumentException("no such device")));
        Assert.Contains("a worker failed during the live replay: no such device", e.Message);
    }

    [Fact]
    public void ALiveCpuWorkerLeavesACoreToTheSchedulerOnItsOwnThreadOnly()
    {
        LibTorchLoader.Load(TorchDevice.Cpu);
        int outside = torch.get_num_threads();
        int inside = 0;
        int restored = 0;
        var thread = new Thread(() =>
        {
            int before = torch.get_num_threads();
            using (TorchRuntime.ShareCpuWithScheduler(workers: 1))
            {
                inside = torch.get_num_threads();
            }
            restored = torch.get_num_threads() == before ? 1 : 0;
        });
        thread.Start();
        thread.Join();
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), inside);
        Assert.Equal(1, restored);
        Assert.Equal(outside, torch.get_num_threads());
    }

    private sealed class NeverCalled : IExecutor
    {
        public double Execute(Job job, Precision precision) => throw new InvalidOperationException("no job was started");
    }

    private sealed class Undo(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
