using Spectre.Console;

namespace Mosel.Experiments.Tests;

/// <summary>Runs the mosel command line in-process, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    private static readonly Lock s_console = new();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        lock (s_console)
        {
            TextWriter originalOut = Console.Out;
            TextWriter originalError = Console.Error;
            var output = new StringWriter();
            var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            // Spectre's console was bound to the real stdout when first used: tables and lines go to the capture too.
            IAnsiConsole originalAnsi = AnsiConsole.Console;
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            try
            {
                int code = MoselCli.Run(args);
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                AnsiConsole.Console = originalAnsi;
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
