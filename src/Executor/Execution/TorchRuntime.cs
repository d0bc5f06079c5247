using Mosel.Executor.Native;
using Mosel.Sim.Profiles;
using TorchSharp;
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

    public static bool IsOutOfMemory(Exception e) =>
        e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ||
        e.Message.Contains("CUBLAS_STATUS_ALLOC_FAILED", StringComparison.Ordinal);
}
