using Mosel.Executor.Native;

namespace Mosel.Experiments.Profiling;

/// <summary>The device a profile was measured on, in the words a reader of the profile needs (model name and memory, or CPU and threads).</summary>
public static class DeviceDescription
{
    public static string Of(TorchDevice device)
    {
        if (device == TorchDevice.Cuda)
        {
            string? gpu = CommandOutput.Read("nvidia-smi", ["--query-gpu=name,memory.total", "--format=csv,noheader"], 10_000).Output;
            return gpu is null ? "CUDA device" : gpu.Split('\n')[0].Trim();
        }
        string? cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"CPU: {cpu ?? "unknown"} ({Environment.ProcessorCount} threads)";
    }
}
