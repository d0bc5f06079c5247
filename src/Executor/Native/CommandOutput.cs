using System.Diagnostics;

namespace Mosel.Executor.Native;

/// <summary>Runs a helper program (python3, nvidia-smi) and reads what it prints.</summary>
public static class CommandOutput
{
    /// <returns>
    /// Started: whether the program could be run at all. Output: its trimmed standard output when it exited
    /// with 0 within the time limit, otherwise null.
    /// </returns>
    public static (bool Started, string? Output) Read(string file, IEnumerable<string> arguments, int timeoutMilliseconds = 30_000)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return (false, null);
            }
            string output = process.StandardOutput.ReadToEnd().Trim();
            if (!process.WaitForExit(timeoutMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return (true, null);
            }
            return (true, process.ExitCode == 0 && output.Length > 0 ? output : null);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (false, null);
        }
    }
}
