using Mosel.Executor.Models;
using Mosel.Executor.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcStressCollection
{
    public const string Name = "forced garbage collections";
}

/// <summary>
/// Forward passes while other threads force garbage collections: the conditions under which TorchSharp's
/// implicit <c>alpha</c> Scalar in <c>a + b</c> was finalised during the native call (libtorch then failed
/// with "Expected false to be true … toFloat" in one full test run of three). With <c>a + b</c> in place
/// of <see cref="TensorOps.Add"/> the first test fails here within a few seconds.
/// </summary>
[Collection(GcStressCollection.Name)]
public sealed class ScalarLifetimeTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(3);

    public ScalarLifetimeTests() => LibTorchLoader.Load(TorchDevice.Cpu);

    [Fact]
    public void TensorSumsStayCorrectWhileOtherThreadsCollectGarbage()
    {
        using Tensor a = ones(1, 16, 64);
        using Tensor b = full(new long[] { 1, 16, 64 }, 2.0f);
        long sums = UnderGcPressure(() =>
        {
            using var scope = NewDisposeScope();
            Tensor sum = TensorOps.Add(a, b);
            Assert.Equal(3.0f, sum.mean().item<float>());
        });
        Assert.True(sums > 100, $"only {sums} sums ran");
    }

    [Fact]
    public void TvltForwardPassesSurviveForcedCollections()
    {
        using ZooModel model = ModelZoo.Create("tvlt", ZooScale.Tiny);
        model.eval();
        using var generator = new Generator(3);
        Dictionary<string, Tensor> inputs = model.RandomInputs(2, model.Modalities.ToArray(), CPU, ScalarType.Float32, generator);
        long passes = UnderGcPressure(() =>
        {
            using var scope = NewDisposeScope();
            using var grad = no_grad();
            Tensor output = model.call(inputs);
            Assert.False(output.isnan().any().item<bool>());
        });
        Assert.True(passes > 0, "no forward pass ran");
        foreach (Tensor input in inputs.Values)
        {
            input.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a loop on a worker thread while two threads allocate and force collections.</summary>
    private static long UnderGcPressure(Action work)
    {
        using var stop = new CancellationTokenSource(s_duration);
        Thread[] churn = Enumerable.Range(0, 2).Select(index => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                for (int i = 0; i < 64; i++)
                {
                    _ = new byte[256];
                }
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
                // Leave the worker some time between collections on a 2-core machine.
                Thread.Sleep(0);
            }
        })).ToArray();
        long count = 0;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                // One libtorch thread (a per-thread setting): its spinning pool must not starve the churn and the worker.
                torch.set_num_threads(1);
                while (!stop.IsCancellationRequested)
                {
                    work();
                    count++;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        foreach (Thread t in churn)
        {
            t.Start();
        }
        worker.Start();
        worker.Join();
        foreach (Thread t in churn)
        {
            t.Join();
        }
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"after {count} iterations: {failure.Message}");
        }
        return count;
    }
}
