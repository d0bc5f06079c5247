namespace Mosel.Experiments.Commands;

/// <summary>Arguments printed as a command a person may paste into a POSIX shell: each one quoted unless it is plainly safe.</summary>
public static class ShellWords
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>The word as is when it holds only characters no shell treats specially; otherwise in single quotes (a quote inside as '\'').</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_@%+=:,./-".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
