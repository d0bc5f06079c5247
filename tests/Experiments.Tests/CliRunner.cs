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
            try
            {
                int code = MoselCli.Run(args);
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
