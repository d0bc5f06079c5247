using System.Text.RegularExpressions;

namespace Mosel.Experiments.Safety;

/// <summary>
/// A run name becomes a folder under results/: it must stay one plain folder name, so that no name can
/// point at a parent, an absolute path or the results folder itself.
/// </summary>
public static partial class RunName
{
    public const string Rule = "a plain name of letters, digits, '-', '_' and '.' (not '.' or '..')";

    public static bool IsPlain(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && name.Length <= 128 && Plain().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Plain();
}
