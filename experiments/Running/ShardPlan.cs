using Mosel.Experiments.Configuration;

namespace Mosel.Experiments.Running;

/// <summary>
/// Splits a study's runs into shards of about equal cost, the same way on every machine: runs by expected events
/// (largest first, ties by run id), each given to the shard with the least cost so far (ties: the lowest shard). Only
/// the study decides the split, so every task of a job array computes the same one.
/// </summary>
public static class ShardPlan
{
    /// <summary>The runs of one shard, in the study's order.</summary>
    public static IReadOnlyList<RunSpec> Runs(Study study, ShardSpec shard)
    {
        int[] owner = Assign(study, shard.Count);
        return study.Runs.Where(r => owner[r.Index] == shard.Index).ToArray();
    }

    /// <summary>The shard of every run (by run index).</summary>
    public static int[] Assign(Study study, int shards)
    {
        IReadOnlyList<RunSpec> runs = study.Runs;
        double[] events = RunBudget.EventsPerRun(study);
        var owner = new int[runs.Count];
        var cost = new double[shards];
        foreach (int i in Enumerable.Range(0, runs.Count)
            .OrderByDescending(i => events[i])
            .ThenBy(i => runs[i].Id, StringComparer.Ordinal))
        {
            int least = 0;
            for (int s = 1; s < shards; s++)
            {
                if (cost[s] < cost[least])
                {
                    least = s;
                }
            }
            owner[runs[i].Index] = least;
            cost[least] += events[i];
        }
        return owner;
    }
}
