namespace Mosel.Experiments.Configuration;

/// <summary>One run of an experiment: a policy at one load with one seed.</summary>
public sealed record RunSpec(int Index, string Policy, double? LoadQps, int Seed)
{
    public string Label => $"{Policy}@{(LoadQps is double q ? q.ToString("0.##") : "trace")}#{Seed}";
}
