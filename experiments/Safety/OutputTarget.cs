namespace Mosel.Experiments.Safety;

/// <summary>
/// Decides whether Mosel may write (and later replace) a results folder or an output file. Mosel replaces
/// only what it created: a folder carrying its marker and written by the same kind of command, a file that
/// starts with its signature line. The file-system root, the home folder, the working directory, its parents
/// and the repository root are never targets, whatever they contain. Places are compared with every symbolic
/// link resolved.
/// </summary>
public static class OutputTarget
{
    /// <summary>Written into every results folder (and every staging folder) Mosel creates.</summary>
    public const string MarkerFile = ".mosel-results";

    /// <summary>The marker's line naming the command kind that wrote the folder.</summary>
    public const string KindPrefix = "kind: ";

    /// <summary>Throws <see cref="OutputRefusedException"/> when <paramref name="path"/> must not become a results folder of <paramref name="kind"/>.</summary>
    public static void CheckFolder(string path, OutputKind kind)
    {
        string full = Normalise(path);
        RefuseProtected(full);
        if (File.Exists(full))
        {
            throw new OutputRefusedException($"{full} exists and is a file, not a Mosel results folder; choose another --out");
        }
        if (Directory.Exists(full))
        {
            if (new DirectoryInfo(full).LinkTarget is not null)
            {
                throw new OutputRefusedException($"{full} is a symbolic link; Mosel does not replace links; choose another --out");
            }
            if (!IsMoselFolder(full))
            {
                throw new OutputRefusedException($"{full} exists and is not a Mosel results folder; choose another --out");
            }
            OutputKind? held = KindOf(full);
            if (held != kind)
            {
                string what = held is { } other ? $"holds {other.Describe()}" : "is a Mosel folder of unknown kind";
                throw new OutputRefusedException($"{full} {what}, which {kind.Describe()} does not replace; choose another --out");
            }
        }
    }

    /// <summary>
    /// Throws when replacing <paramref name="output"/> would delete one of <paramref name="inputs"/>: it is the same place
    /// or holds it (links resolved). <paramref name="what"/> names the inputs in the message.
    /// </summary>
    public static void CheckNotAnInput(string output, IEnumerable<string> inputs, string what)
    {
        foreach (string input in inputs)
        {
            if (RealPath.IsSameOrInside(input, output))
            {
                throw new OutputRefusedException($"--out: {Normalise(output)} is or holds {Normalise(input)}, one of the {what}; choose another");
            }
        }
    }

    /// <summary>The command kind a Mosel folder's marker names; for a folder written before markers named one, the kind its files show.</summary>
    public static OutputKind? KindOf(string folder)
    {
        string? line = File.ReadLines(Path.Combine(folder, MarkerFile)).FirstOrDefault(l => l.StartsWith(KindPrefix, StringComparison.Ordinal));
        return line is null ? OutputKinds.FromContents(folder) : OutputKinds.Parse(line[KindPrefix.Length..].Trim());
    }

    /// <summary>Throws when <paramref name="path"/> exists and its first line is not <paramref name="signature"/> (Mosel's own header).</summary>
    public static void CheckFile(string path, string signature)
    {
        string full = Normalise(path);
        RefuseProtected(full);
        if (Directory.Exists(full))
        {
            throw new OutputRefusedException($"{full} is a folder; choose a file for --out");
        }
        if (File.Exists(full))
        {
            if (new FileInfo(full).LinkTarget is not null)
            {
                throw new OutputRefusedException($"{full} is a symbolic link; Mosel does not replace links; choose another --out");
            }
            string? first;
            using (var reader = new StreamReader(full))
            {
                first = reader.ReadLine();
            }
            if (first is null || !first.StartsWith(signature, StringComparison.Ordinal))
            {
                throw new OutputRefusedException($"{full} exists and was not written by Mosel; choose another --out");
            }
        }
    }

    public static bool IsMoselFolder(string path) => File.Exists(Path.Combine(path, MarkerFile));

    private static string Normalise(string path) => RealPath.Of(path);

    private static void RefuseProtected(string full)
    {
        string? why = null;
        if (Path.GetPathRoot(full) == full || full.Length == 0)
        {
            why = "the file-system root";
        }
        else if (Same(full, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
        {
            why = "your home folder";
        }
        else if (IsSameOrAncestor(full, Directory.GetCurrentDirectory()))
        {
            why = "the working directory or one of its parents";
        }
        else if (RepoRoot() is string repo && IsSameOrAncestor(full, repo))
        {
            why = "the Mosel repository or one of its parents";
        }
        if (why is not null)
        {
            throw new OutputRefusedException($"{full} is {why}; Mosel never writes its results there; choose another --out");
        }
    }

    private static string? RepoRoot()
    {
        try
        {
            return RepoPaths.Root();
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool Same(string a, string b) =>
        b.Length > 0 && string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    private static bool IsSameOrAncestor(string candidate, string of)
    {
        string target = Normalise(of);
        string root = Normalise(candidate);
        return Same(root, target) || target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
