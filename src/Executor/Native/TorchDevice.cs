namespace Mosel.Executor.Native;

/// <summary>Where forward passes run.</summary>
public enum TorchDevice
{
    Cpu,
    Cuda,
}
