using Mosel.Experiments.Configuration;

namespace Mosel.Experiments.Commands;

/// <summary>Turns failures into one clear line on stderr and a non-zero exit code.</summary>
public static class CommandLineErrors
{
    public const int BadInput = 2;
    public const int Failure = 1;

    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }
}
