using System.CommandLine;
using Mosel.Experiments.Commands;
using Mosel.Experiments.Output;

namespace Mosel.Experiments;

/// <summary>The <c>mosel</c> command line.</summary>
public static class MoselCli
{
    public static RootCommand Build() =>
        new("mosel — multi-modal inference serving with dynamic modality selection (MOSEL): simulator, solvers and experiments")
        {
            SimulateCommand.Create(),
            StrategiesCommand.Create(),
            ReproduceCommand.Create(),
            ReportCommand.Create(),
            MergeCommand.Create(),
            SlurmCommand.Create(),
            ProfileCommand.Create(),
            DatasetCommand.Create(),
            TrainCommand.Create(),
            WeightsCommand.Create(),
            DoctorCommand.Create(),
            FidelityCommand.Create(),
            BenchCommand.Create(),
        };

    public static int Run(string[] args)
    {
        Invocation.Set(args);
        // Redirected output (logs, CI) would otherwise be wrapped at 80 columns.
        if (Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 140;
        }
        // The parser turns an empty path into no value at all, which would fall back to a default: refuse it instead.
        int empty = Array.IndexOf(args, "");
        if (empty >= 0)
        {
            string after = empty > 0 && args[empty - 1].StartsWith('-') ? $" after {args[empty - 1]}" : "";
            Console.Error.WriteLine(CommandLineErrors.OneLine($"error: an empty argument{after}; leave an option out to get its default"));
            return CommandLineErrors.BadInput;
        }
        ParseResult parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {CommandLineErrors.OneLine(ParseErrorText.Describe(parse))}");
            return CommandLineErrors.BadInput;
        }
        return parse.Invoke();
    }
}
