using System.CommandLine;
using System.CommandLine.Parsing;

namespace Mosel.Experiments.Commands;

/// <summary>
/// A command line the parser rejects, as one line that names the option or argument and what it expects — never the
/// parser's own wording, which names .NET types (<c>System.Nullable`1[System.Int32]</c>).
/// </summary>
public static class ParseErrorText
{
    public static string Describe(ParseResult parse)
    {
        ParseError error = parse.Errors[0];
        string help = $"see {CommandPath(parse.CommandResult)} --help";
        switch (error.SymbolResult)
        {
            case ArgumentResult { Parent: OptionResult option } value:
                return Expected(option.Option.Name, option.Option.ValueType, value.Tokens, help);
            case OptionResult { IdentifierToken: null } option:
                return $"{option.Option.Name}: required: {Kind(option.Option.ValueType)} ({help})";
            case OptionResult option:
                return Expected(option.Option.Name, option.Option.ValueType, option.Tokens, help);
            case ArgumentResult { Tokens.Count: 0 } argument:
                return $"{argument.Argument.Name}: required: {Kind(argument.Argument.ValueType)} ({help})";
            case ArgumentResult argument:
                return Expected(argument.Argument.Name, argument.Argument.ValueType, argument.Tokens, help);
        }
        if (parse.CommandResult.Command.Subcommands.Count > 0 && parse.CommandResult.Command.Action is null && parse.UnmatchedTokens.Count == 0)
        {
            return $"needs a command: {string.Join(", ", parse.CommandResult.Command.Subcommands.Select(c => c.Name))} ({help})";
        }
        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"unknown option or argument '{parse.UnmatchedTokens[0]}' ({help})";
        }
        Option? required = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is null);
        return required is not null
            ? $"{required.Name}: required ({help})"
            : $"the command line is not complete ({help})";
    }

    private static string Expected(string name, Type type, IReadOnlyList<Token> tokens, string help) => tokens.Count == 0
        ? $"{name}: needs {Kind(type)} after it ({help})"
        : $"{name}: expected {Kind(type)}, found '{string.Join(' ', tokens.Select(t => t.Value))}' ({help})";

    private static string Kind(Type type)
    {
        Type value = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return value switch
        {
            _ when value == typeof(int) || value == typeof(long) => "a whole number",
            _ when value == typeof(double) || value == typeof(float) => "a number",
            _ when value == typeof(bool) => "true or false",
            _ when value == typeof(FileInfo) => "a file",
            _ when value == typeof(DirectoryInfo) => "a folder",
            _ => "a value",
        };
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult command; at = command.Parent)
        {
            names.Add(command.Command is RootCommand ? "mosel" : command.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
