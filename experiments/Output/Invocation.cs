namespace Mosel.Experiments.Output;

/// <summary>
/// The mosel command line being carried out, for provenance: set by the command line's entry point for the call it makes (so
/// an in-process caller's own arguments do not leak in), else the process's.
/// </summary>
public static class Invocation
{
    private static readonly AsyncLocal<string?> s_current = new();

    public static string CommandLine => s_current.Value ?? string.Join(' ', Environment.GetCommandLineArgs());

    /// <summary>Records <c>mosel ARGS</c> for the rest of this call; arguments with spaces are quoted.</summary>
    public static void Set(IEnumerable<string> args) =>
        s_current.Value = "mosel " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
