using System.Diagnostics;
using System.Globalization;

namespace Mosel.Experiments.Safety;

/// <summary>
/// Staging names (<c>TARGET.partial-PID</c>) and their clean-up: what a process that no longer exists left
/// behind is removed, and only when it carries Mosel's marker.
/// </summary>
public static class Staging
{
    public const string PartialInfix = ".partial-";

    public static string PathFor(string target) => target + PartialInfix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Deletes a staging folder or file, retrying while writer threads still close their files.</summary>
    public static void Delete(string path)
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (File.Exists(path))
                {
                    File.Delete(path);
                }
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Removes staging folders next to <paramref name="target"/> whose process has ended.</summary>
    public static void RemoveStaleFolders(string target) => RemoveStale(target, isFolder: true);

    /// <summary>Removes staging files next to <paramref name="target"/> whose process has ended and that start with Mosel's <paramref name="signature"/>.</summary>
    public static void RemoveStaleFiles(string target, string signature) => RemoveStale(target, signature);

    private static void RemoveStale(string target, string? signature = null, bool isFolder = false)
    {
        string? parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }
        string prefix = Path.GetFileName(target) + PartialInfix;
        IEnumerable<string> candidates = isFolder
            ? Directory.EnumerateDirectories(parent, prefix + "*")
            : Directory.EnumerateFiles(parent, prefix + "*");
        foreach (string candidate in candidates)
        {
            string suffix = Path.GetFileName(candidate)[prefix.Length..];
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || IsAlive(pid))
            {
                continue;
            }
            if (isFolder ? OutputTarget.IsMoselFolder(candidate) : StartsWith(candidate, signature!))
            {
                Delete(candidate);
            }
        }
    }

    private static bool StartsWith(string file, string signature)
    {
        using var reader = new StreamReader(file);
        return reader.ReadLine()?.StartsWith(signature, StringComparison.Ordinal) == true;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
