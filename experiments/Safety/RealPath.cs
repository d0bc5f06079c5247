using System.Runtime.InteropServices;

namespace Mosel.Experiments.Safety;

/// <summary>
/// A path with every symbolic link resolved, so that two spellings of one place compare equal (<c>results-alias/a</c>
/// and <c>results/a</c> when <c>results-alias</c> links to <c>results</c>). A path that does not exist yet resolves
/// through its deepest existing ancestor. libc's <c>realpath</c> does the resolving.
/// </summary>
public static partial class RealPath
{
    public static string Of(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rest = new Stack<string>();
        string current = full;
        while (true)
        {
            if (Resolve(current) is string resolved)
            {
                return rest.Aggregate(resolved, Path.Combine);
            }
            string? parent = Path.GetDirectoryName(current);
            if (parent is null)
            {
                return full;
            }
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it, links resolved.</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        string a = Of(inner);
        string b = Of(outer);
        return a == b || a.StartsWith(b.EndsWith('/') ? b : b + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string? Resolve(string path)
    {
        IntPtr resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);

    [LibraryImport("libc")]
    private static partial void free(IntPtr pointer);
}
