using System.CommandLine;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Commands;

/// <summary><c>--jobs N</c>: how many runs go at once (with decision_time: none the files are the same for any N).</summary>
public sealed record JobsOption(Option<int?> Jobs)
{
    /// <summary>More than any machine this runs on has cores; a typo like 1000000 is refused rather than obeyed.</summary>
    private const int MaxJobs = 1024;

    public static JobsOption Create() => new(new Option<int?>("--jobs", "-j")
    {
        Description = $"Runs at once (default: one per core, {Environment.ProcessorCount} here); with decision_time: none the files are the same for any number",
    });

    /// <summary>The number asked for, or null for one per core.</summary>
    public int? Read(ParseResult parse)
    {
        int? jobs = parse.GetValue(Jobs);
        if (jobs is < 1 or > MaxJobs)
        {
            throw new ConfigException($"--jobs: must be in [1, {MaxJobs}], found {jobs}");
        }
        return jobs;
    }
}
