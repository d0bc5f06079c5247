using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Safety;

namespace Mosel.Experiments.Commands;

/// <summary>
/// Turns every failure into one line on stderr (a config with several mistakes: one line each): exit 2 for bad input (config, profile, trace, arguments,
/// an output Mosel must not touch), exit 1 for the environment (disk full, permissions) and for faults.
/// Set MOSEL_DEBUG=1 to see the full exception of an unexpected fault.
/// </summary>
public static class CommandLineErrors
{
    public const int BadInput = 2;
    public const int Failure = 1;

    public static int Guard(Func<int> action)
    {
        using IDisposable signals = Interrupts.Install();
        try
        {
            return action();
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException && Interrupts.Requested is { } signal)
        {
            // A cooperative command stopped at its next batch after a signal; its staging went as it unwound.
            Console.Error.WriteLine(Interrupts.Line);
            return Interrupts.ExitCode(signal);
        }
        catch (Exception e)
        {
            Exception cause = Unwrap(e);
            (int code, IReadOnlyList<string> lines) = cause switch
            {
                ConfigException config => (BadInput, config.Lines),
                OutputRefusedException or Mosel.Executor.Weights.SafetensorsException => (BadInput, [cause.Message]),
                IOException or UnauthorizedAccessException or Mosel.Executor.Native.LibTorchException or EnvironmentException => (Failure, [cause.Message]),
                OutOfMemoryException => (Failure, ["out of memory: the experiment needs more memory than this machine has; make it smaller"]),
                _ => (Failure, [$"unexpected fault: {cause.Message} (set MOSEL_DEBUG=1 for details)"]),
            };
            foreach (string line in lines)
            {
                Console.Error.WriteLine($"error: {OneLine(line)}");
            }
            if (Environment.GetEnvironmentVariable("MOSEL_DEBUG") == "1")
            {
                Console.Error.WriteLine(e);
            }
            return code;
        }
    }

    /// <summary>Parallel runs wrap the first failure in AggregateException (and reflection in TargetInvocationException).</summary>
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    e = aggregate.Flatten().InnerExceptions[0];
                    break;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                default:
                    return e;
            }
        }
    }

    /// <summary>A message as one printable line: line breaks joined, other control characters (from a user's file) shown as '?'.</summary>
    public static string OneLine(string message) =>
        TerminalText.Safe(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
