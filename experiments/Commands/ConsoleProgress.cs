using Mosel.Experiments.Profiling;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>A progress bar for a long measurement or build (a profile, a dataset) on an interactive terminal; nothing in logs and pipes.</summary>
public static class ConsoleProgress
{
    public static T Run<T>(string title, Func<ProfilingProgress?, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(null);
        }
        return AnsiConsole.Progress().Start(context =>
        {
            ProgressTask task = context.AddTask(Markup.Escape(title));
            return work((total, point) =>
            {
                task.MaxValue = total;
                task.Description = Markup.Escape(point);
                task.Increment(1);
            });
        });
    }
}
