using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace Mosel.Executor.Native;

/// <summary>
/// Finds and loads a libtorch for TorchSharp before its first use. Candidates, in order: a folder given by
/// the caller or by MOSEL_LIBTORCH; for CPU, the libtorch-cpu NuGet package shipped with the app; a
/// PyTorch install found through <c>python3 -c "import torch"</c>. The libtorch libraries are preloaded
/// by full path, then LibTorchSharp (a copy patched for this system's libstdc++ when needed) is handed to
/// TorchSharp through a DllImport resolver. One libtorch per process.
/// </summary>
public static class LibTorchLoader
{
    public const string EnvironmentVariable = "MOSEL_LIBTORCH";
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private static readonly Lock s_gate = new();
    private static readonly string[] s_systemLibstdcxx = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6"];
    private static LibTorchStatus? s_loaded;
    private static IntPtr s_libTorchSharp;

    public static LibTorchStatus Load(TorchDevice device, string? folder = null)
    {
        lock (s_gate)
        {
            if (s_loaded is not null)
            {
                if (device == TorchDevice.Cuda && !s_loaded.CudaAvailable)
                {
                    throw new LibTorchException($"CUDA was asked for, but the libtorch already loaded in this process ({s_loaded.Folder}, {s_loaded.Source}) has no usable CUDA device");
                }
                return s_loaded;
            }
            // Before libtorch loads: its OpenMP runtime reads the wait policy once, when it is loaded.
            string waitPolicy = OpenMpWaiting.PreferPassive();
            var tried = new List<string>();
            foreach ((string candidate, string source) in Candidates(device, folder, tried))
            {
                string? failure = TryLoad(candidate, device, out LibTorchStatus? status, tried);
                if (status is not null)
                {
                    s_loaded = status with { Source = source, Tried = tried, OpenMpWaitPolicy = waitPolicy };
                    return s_loaded;
                }
                tried.Add($"{source}: {candidate}: {failure}");
                if (s_libTorchSharp != IntPtr.Zero)
                {
                    // LibTorchSharp is bound to the first libtorch it loaded: no second candidate can work in this process.
                    break;
                }
            }
            throw new LibTorchException($"no usable libtorch for {(device == TorchDevice.Cuda ? "CUDA" : "CPU")}. Tried:\n  " +
                string.Join("\n  ", tried) + $"\nSet {EnvironmentVariable} (or --libtorch) to a folder with libtorch.so, libc10.so and libtorch_cpu.so" +
                (device == TorchDevice.Cuda ? " and libtorch_cuda.so (e.g. the lib folder of a CUDA PyTorch install)" : ""));
        }
    }

    private static IEnumerable<(string Folder, string Source)> Candidates(TorchDevice device, string? folder, List<string> tried)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            yield return (folder, "--libtorch");
            yield break;
        }
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            yield return (fromEnvironment, EnvironmentVariable);
            yield break;
        }
        if (device == TorchDevice.Cpu)
        {
            yield return (NuGetFolder(), "libtorch-cpu-linux-x64 NuGet package");
        }
        string? python = PythonTorchFolder(tried);
        if (python is not null)
        {
            yield return (python, "PyTorch install (python3 -c 'import torch')");
        }
    }

    private static string NuGetFolder()
    {
        string runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        return File.Exists(Path.Combine(runtimes, "libtorch_cpu.so")) ? runtimes : AppContext.BaseDirectory;
    }

    private static string? PythonTorchFolder(List<string> tried)
    {
        (bool started, string? folder) = CommandOutput.Read("python3", ["-c", "import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))"]);
        if (folder is null)
        {
            tried.Add(started ? "PyTorch install: python3 -c 'import torch' failed (no PyTorch)" : "PyTorch install: python3 not found");
        }
        return folder;
    }

    private static string? TryLoad(string folder, TorchDevice device, out LibTorchStatus? status, List<string> tried)
    {
        status = null;
        if (!Directory.Exists(folder))
        {
            return "folder not found";
        }
        string[] required = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
        string? missing = required.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f)));
        if (missing is not null)
        {
            return $"{missing} not found";
        }
        bool hasCuda = File.Exists(Path.Combine(folder, "libtorch_cuda.so"));
        if (device == TorchDevice.Cuda && !hasCuda)
        {
            return "no libtorch_cuda.so (a CPU-only libtorch)";
        }
        string[] order = hasCuda
            ? ["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"]
            : ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
        foreach (string library in order)
        {
            string path = Path.Combine(folder, library);
            if (File.Exists(path) && !NativeLibrary.TryLoad(path, out _))
            {
                return $"{library} did not load ({DescribeLoadFailure(path)})";
            }
        }
        (string sharp, bool patched) = LibTorchSharpToLoad();
        try
        {
            s_libTorchSharp = NativeLibrary.Load(sharp);
        }
        catch (DllNotFoundException e)
        {
            return $"{sharp} did not load: {e.Message}";
        }
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, Resolve);
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            bool cuda = hasCuda && torch.cuda.is_available();
            if (device == TorchDevice.Cuda && !cuda)
            {
                return "libtorch_cuda.so loaded but CUDA is not available (no GPU or driver)";
            }
            if (cuda)
            {
                torch.InitializeDeviceType(DeviceType.CUDA);
            }
            status = new LibTorchStatus(folder, "", Version(folder), sharp, patched, cuda, cuda ? torch.cuda.device_count() : 0, tried);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            return $"TorchSharp did not initialise: {e.Message.Split('\n')[0]}";
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == "LibTorchSharp" ? s_libTorchSharp : IntPtr.Zero;

    /// <summary>The LibTorchSharp shipped with TorchSharp, or a patched copy of it when this system's libstdc++ lacks GLIBCXX_3.4.32.</summary>
    private static (string Path, bool Patched) LibTorchSharpToLoad()
    {
        string original = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
        }.FirstOrDefault(File.Exists) ?? throw new LibTorchException($"libLibTorchSharp.so (TorchSharp's native part) not found next to {AppContext.BaseDirectory}");
        if (SystemHasVersion(MissingVersion))
        {
            return (original, false);
        }
        byte[] bytes = File.ReadAllBytes(original);
        string hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        string folder = Path.Combine(CacheFolder(), $"libtorchsharp-{hash}");
        string patched = Path.Combine(folder, "libLibTorchSharp.so");
        if (!File.Exists(patched))
        {
            if (!ElfVersionPatch.MakeWeak(bytes, MissingVersion))
            {
                return (original, false);
            }
            Directory.CreateDirectory(folder);
            string temporary = patched + $".{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, patched, overwrite: true);
        }
        return (patched, true);
    }

    private static string CacheFolder()
    {
        string? explicitFolder = Environment.GetEnvironmentVariable("MOSEL_CACHE");
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return explicitFolder;
        }
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "mosel");
    }

    /// <summary>Whether the libstdc++ this process uses defines <paramref name="version"/>.</summary>
    internal static bool SystemHasVersion(string version)
    {
        string? library = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            .FirstOrDefault(path => path is not null && path.Contains("libstdc++.so.6", StringComparison.Ordinal));
        library ??= s_systemLibstdcxx.FirstOrDefault(File.Exists);
        if (library is null)
        {
            return false;
        }
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }

    private static string DescribeLoadFailure(string path)
    {
        try
        {
            NativeLibrary.Load(path);
            return "unknown error";
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }

    private static string Version(string folder)
    {
        string pythonVersion = Path.Combine(folder, "..", "version.py");
        if (File.Exists(pythonVersion))
        {
            string? line = File.ReadLines(pythonVersion).FirstOrDefault(l => l.StartsWith("__version__", StringComparison.Ordinal));
            if (line is not null)
            {
                return line.Split('=')[1].Trim().Trim('\'', '"') + " (PyTorch)";
            }
        }
        return $"{torch.__version__} (TorchSharp's libtorch)";
    }
}
