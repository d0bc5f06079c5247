namespace Mosel.Executor.Native;

/// <summary>What was loaded, from where, and what it can run on.</summary>
public sealed record LibTorchStatus(
    string Folder,
    string Source,
    string Version,
    string LibTorchSharp,
    bool LibTorchSharpPatched,
    bool CudaAvailable,
    int CudaDevices,
    IReadOnlyList<string> Tried)
{
    /// <summary>OMP_WAIT_POLICY as libtorch's OpenMP runtime read it when it loaded (PASSIVE unless the user set another).</summary>
    public string OpenMpWaitPolicy { get; init; } = "";
}
