using System.Diagnostics;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Profiles;
using static TorchSharp.torch;

namespace Mosel.Executor.Execution;

/// <summary>Device and precision mapping shared by the profiler and the executor.</summary>
public static class TorchRuntime
{
    public static Device DeviceOf(TorchDevice device) => device == TorchDevice.Cuda ? CUDA : CPU;

    public static ScalarType TypeOf(Precision precision) => precision == Precision.Fp16 ? ScalarType.Float16 : ScalarType.Float32;

    /// <summary>Waits for queued device work, so wall-clock timings cover the kernels and not only their launch.</summary>
    public static void Synchronize(TorchDevice device)
    {
        if (device == TorchDevice.Cuda)
        {
            cuda.synchronize();
        }
    }

    /// <summary>
    /// Wall-clock seconds of one forward pass, synchronised with the device before and after. The pass's
    /// intermediate tensors are freed right after it (not left to the garbage collector, and not kept for
    /// the length of an outer scope), so repeated passes reuse memory instead of growing the process.
    /// </summary>
    public static double TimeForward(ZooModel model, IReadOnlyDictionary<string, Tensor> inputs, TorchDevice device) =>
        TimeForward(model, inputs, device, labels: null, out _);

    /// <param name="labels">The inputs' classes, or null: the right predictions (arg-max of the output) are counted after the timing.</param>
    /// <param name="correct">How many predictions matched <paramref name="labels"/>; 0 without labels.</param>
    public static double TimeForward(ZooModel model, IReadOnlyDictionary<string, Tensor> inputs, TorchDevice device, Tensor? labels, out int correct)
    {
        using var scope = NewDisposeScope();
        using var grad = no_grad();
        Synchronize(device);
        long started = Stopwatch.GetTimestamp();
        Tensor output = model.call(inputs);
        Synchronize(device);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        correct = labels is null ? 0 : CountCorrect(output, labels);
        return seconds;
    }

    /// <summary>How many rows of <paramref name="logits"/> have their arg-max at the row's label.</summary>
    public static int CountCorrect(Tensor logits, Tensor labels) => (int)Right(logits, labels).sum().item<long>();

    /// <summary>Per row of <paramref name="logits"/>, whether its arg-max is the row's label.</summary>
    public static Tensor Right(Tensor logits, Tensor labels) => logits.argmax(1).eq(labels);

    /// <summary>Every core to libtorch's intra-op threads, for work that has the machine to itself (training).</summary>
    public static void UseEveryCore() => set_num_threads(Environment.ProcessorCount);

    /// <summary>
    /// For a live replay on the CPU, called on a worker thread: leaves one core to the scheduler's thread and
    /// shares the rest among the workers. With every core given to libtorch, its intra-op threads and the
    /// scheduler take turns on the same cores and each forward pass gets several times slower. The setting
    /// is per thread (OpenMP), which is why the worker sets it itself; disposing restores it.
    /// </summary>
    public static IDisposable ShareCpuWithScheduler(int workers)
    {
        int previous = get_num_threads();
        set_num_threads(Math.Max(1, (Environment.ProcessorCount - 1) / workers));
        return new ThreadCountRestore(previous);
    }

    private sealed class ThreadCountRestore(int threads) : IDisposable
    {
        public void Dispose() => set_num_threads(threads);
    }

    public static bool IsOutOfMemory(Exception e) =>
        e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ||
        e.Message.Contains("can't allocate memory", StringComparison.Ordinal) ||
        e.Message.Contains("CUBLAS_STATUS_ALLOC_FAILED", StringComparison.Ordinal);
}
