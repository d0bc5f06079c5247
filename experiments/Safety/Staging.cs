using System.Diagnostics;
using System.Globalization;

namespace Mosel.Experiments.Safety;

/// <summary>
/// Staging names (<c>TARGET.partial-PID</c>), the name an earlier folder takes while it is replaced
/// (<c>TARGET.replaced-PID</c>), and their clean-up: what a process that no longer exists left behind is removed,
/// and only when it carries Mosel's marker.
/// </summary>
public static class Staging
{
    public const string PartialInfix = ".partial-";
    public const string ReplacedInfix = ".replaced-";

    public static string PathFor(string target) => target + PartialInfix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public static string ReplacedPathFor(string target) => target + ReplacedInfix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Deletes a staging folder or file, retrying while writer threads still close their files. A folder's marker goes
    /// last, so a folder whose deletion a kill cut short is still known as Mosel's and removed on the next run.
    /// </summary>
    public static void Delete(string path)
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    var folder = new DirectoryInfo(path);
                    foreach (FileSystemInfo entry in folder.EnumerateFileSystemInfos().Where(e => e.Name != OutputTarget.MarkerFile))
                    {
                        if (entry is DirectoryInfo directory && directory.LinkTarget is null)
                        {
                            directory.Delete(recursive: true);
                        }
                        else
                        {
                            entry.Delete();
                        }
                    }
                    folder.Delete(recursive: true);
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

    /// <summary>Removes staging folders and half-deleted replaced folders next to <paramref name="target"/> whose process has ended.</summary>
    public static void RemoveStaleFolders(string target)
    {
        RemoveStale(target, PartialInfix, isFolder: true);
        RemoveStale(target, ReplacedInfix, isFolder: true);
    }

    /// <summary>Removes staging files next to <paramref name="target"/> whose process has ended and that start with Mosel's <paramref name="signature"/>.</summary>
    public static void RemoveStaleFiles(string target, string signature) => RemoveStale(target, PartialInfix, signature);

    private static void RemoveStale(string target, string infix, string? signature = null, bool isFolder = false)
    {
        string? parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }
        string prefix = Path.GetFileName(target) + infix;
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
