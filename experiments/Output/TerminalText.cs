using Spectre.Console;

namespace Mosel.Experiments.Output;

/// <summary>
/// Text from a user's files on its way to a terminal: control characters become '?', so a config key or value such as
/// <c>"\e[2J\e]0;title\a"</c> cannot clear the screen or set the window title (as trace lines are quoted).
/// </summary>
public static class TerminalText
{
    public static string Safe(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '?' : c)) : text;

    /// <summary><see cref="Safe"/> and escaped for Spectre's markup.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(Safe(text));
}
