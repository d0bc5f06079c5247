using System.CommandLine;
using Mosel.Experiments.Commands;

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
        ParseResult parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {CommandLineErrors.OneLine(ParseErrorText.Describe(parse))}");
            return CommandLineErrors.BadInput;
        }
        return parse.Invoke();
    }
}
