using CsvHelper;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Output;

/// <summary>fidelity.csv: every headline metric of every run, profile replay beside real execution.</summary>
public static class FidelityReport
{
    /// <param name="replay">The runs with the profile replayed, in the same order as <paramref name="real"/>.</param>
    public static IReadOnlyList<FidelityRow> Compare(IReadOnlyList<RunOutcome> replay, IReadOnlyList<RunOutcome> real) =>
        replay.Zip(real).SelectMany(pair => SummaryColumns.Headline.Select(metric =>
            new FidelityRow(pair.First.Run, metric, metric.Value(pair.First.Result.Summary), metric.Value(pair.Second.Result.Summary)))).ToArray();

    public static void Write(string path, IReadOnlyList<FidelityRow> rows)
    {
        using CsvWriter csv = CsvFiles.Create(path);
        csv.WriteRow(ResultColumns.Policy, ResultColumns.LoadQps, ResultColumns.Seed, "metric", "profile_replay", "real_execution", "relative_error", "absolute_difference");
        foreach (FidelityRow row in rows)
        {
            csv.WriteRow(row.Run.Policy, row.Run.LoadQps, row.Run.Seed, row.Metric.CsvName, row.Replay, row.Real, row.RelativeError, row.AbsoluteDifference);
        }
    }
}
