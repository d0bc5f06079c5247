using Mosel.Executor.Native;
using TorchSharp;

namespace Mosel.Executor.Tests;

public sealed class LibTorchTests
{
    [Fact]
    public void LibTorchLoadsOnCpuAndComputes()
    {
        LibTorchStatus status = LibTorchLoader.Load(TorchDevice.Cpu);
        Assert.True(File.Exists(status.LibTorchSharp));
        using torch.Tensor a = torch.ones(64, 64);
        using torch.Tensor b = torch.matmul(a, a);
        Assert.Equal(64f, b[0, 0].item<float>());
        Assert.Equal(LibTorchLoader.SystemHasVersion("GLIBCXX_3.4.32"), !status.LibTorchSharpPatched);
    }

    /// <summary>
    /// libtorch's OpenMP threads wait passively (set in the native environment before libtorch loads), unless the user
    /// chose a policy: the process's environment at its start (/proc/self/environ, which setenv does not change) says which
    /// value must be in force, in the native environment and in the loader's status.
    /// </summary>
    [Fact]
    public void OpenMpThreadsWaitPassivelyUnlessTheUserChoseOtherwise()
    {
        string? chosen = File.ReadAllText("/proc/self/environ").Split('\0')
            .FirstOrDefault(e => e.StartsWith("OMP_WAIT_POLICY=", StringComparison.Ordinal))?["OMP_WAIT_POLICY=".Length..];
        LibTorchStatus status = LibTorchLoader.Load(TorchDevice.Cpu);
        string expected = chosen ?? "PASSIVE";
        Assert.Equal(expected, status.OpenMpWaitPolicy);
        Assert.Equal(expected, OpenMpWaiting.Current());
    }

    [Fact]
    public void CudaWithoutAGpuIsAClearError()
    {
        LibTorchLoader.Load(TorchDevice.Cpu);
        Assert.SkipWhen(torch.cuda.is_available(), "a CUDA device is present; this checks the error on a machine without one");
        LibTorchException e = Assert.Throws<LibTorchException>(() => LibTorchLoader.Load(TorchDevice.Cuda));
        Assert.Contains("CUDA", e.Message);
    }

    [Fact]
    public void TheGlibcxxPatchMarksOnlyThatVersionWeak()
    {
        string original = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        byte[] bytes = File.ReadAllBytes(original);
        byte[] copy = (byte[])bytes.Clone();
        Assert.True(ElfVersionPatch.MakeWeak(copy, "GLIBCXX_3.4.32"));
        Assert.False(ElfVersionPatch.MakeWeak((byte[])bytes.Clone(), "GLIBCXX_9.9.99"));
        int changed = bytes.Zip(copy).Count(p => p.First != p.Second);
        Assert.Equal(1, changed);
        Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MakeWeak(new byte[100], "GLIBCXX_3.4.32"));
    }
}
