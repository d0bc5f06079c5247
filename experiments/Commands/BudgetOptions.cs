using System.CommandLine;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Commands;

/// <summary><c>--max-events N</c> and <c>--force</c>: how large a run may be before it is refused.</summary>
public sealed record BudgetOptions(Option<double> MaxEvents, Option<bool> Force)
{
    public static BudgetOptions Create() => new(
        new Option<double>("--max-events") { Description = "Refuse a run expected to take more events (arrivals, monitor ticks, metric windows) than this", DefaultValueFactory = _ => RunBudget.DefaultMaxEvents },
        new Option<bool>("--force") { Description = "Run even when a run is expected to exceed --max-events" });

    public RunBudget Read(ParseResult parse)
    {
        double max = parse.GetValue(MaxEvents);
        if (!(max is >= 1 and <= 1e15))
        {
            throw new ConfigException($"--max-events: must be in [1, 1e15], found {max}");
        }
        return new RunBudget(max, parse.GetValue(Force));
    }
}
