namespace Mosel.Experiments.Tests;

/// <summary>The id of a process that has just ended: what a killed run's staging names carry.</summary>
internal static class EndedProcess
{
    public static int Id()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
