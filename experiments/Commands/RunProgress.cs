using System.Diagnostics;
using System.Globalization;
using Mosel.Experiments.Running;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// Progress of an experiment's runs: on an interactive terminal a bar naming the last finished run, with the time left;
/// otherwise (a batch log, a pipe) one line per finished run with the elapsed time and an estimate of the time left.
/// </summary>
public static class RunProgress
{
    public static T Track<T>(string title, int runs, Func<Action<RunOutcome>, T> work)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            return AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask(Markup.Escape($"{title}: {runs} runs"), maxValue: runs);
                    return work(outcome =>
                    {
                        task.Description = Markup.Escape($"{title}: {outcome.Run.Label} done");
                        task.Increment(1);
                    });
                });
        }
        long started = Stopwatch.GetTimestamp();
        var gate = new Lock();
        int done = 0;
        return work(outcome =>
        {
            lock (gate)
            {
                done++;
                TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                TimeSpan left = elapsed * ((double)(runs - done) / done);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{title}: run {done}/{runs} {outcome.Run.Label} took {outcome.WallSeconds:0.0} s; elapsed {elapsed:hh\\:mm\\:ss}, about {left:hh\\:mm\\:ss} left"));
            }
        });
    }
}
