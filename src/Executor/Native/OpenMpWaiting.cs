using System.Runtime.InteropServices;

namespace Mosel.Executor.Native;

/// <summary>
/// How libtorch's OpenMP threads wait for work between parallel regions. By default they spin first; on a machine
/// another process keeps busy, the spinning threads take the cores that the working ones need (2 epochs of
/// <c>mosel train</c> beside two busy loops on 2 cores: 41 s and 39 CPU-s spinning, 19 s and 13 CPU-s waiting passively,
/// the same weights byte for byte). So Mosel asks for passive waiting before libtorch (and its OpenMP runtime, which
/// reads the setting once when it loads) is loaded, unless the user set <c>OMP_WAIT_POLICY</c> already.
/// .NET keeps its own copy of the environment on Linux; the native one, which OpenMP reads, is set through libc.
/// </summary>
public static partial class OpenMpWaiting
{
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets passive waiting in the native environment unless it is set already, and returns the policy in force.</summary>
    public static string PreferPassive()
    {
        _ = SetEnvironment(Variable, "PASSIVE", overwrite: 0);
        return Current() ?? "";
    }

    /// <summary>The native environment's value, as OpenMP will read it (null when unset).</summary>
    public static string? Current() => Marshal.PtrToStringUTF8(GetEnvironment(Variable));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvironment(string name);
}
