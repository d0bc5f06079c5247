namespace Mosel.Experiments.Tests;

/// <summary>
/// A TVLT study small enough for a test: none and dynamic, seeds 1 and 2, 50 and 80 req/s, estimation factor 0.75 and 1
/// (16 runs of a few seconds of Poisson arrivals), decision time not charged, so a rerun gives the same bytes.
/// </summary>
internal static class SmallStudy
{
    public static string Yaml(string name, double durationSeconds, bool jobRecords) => $$"""
        name: {{name}}
        profile: {{Repo.PathOf("profiles/tvlt.h100-interim.yaml")}}
        policies: [none, dynamic]
        seeds: [1, 2]
        workload:
          arrivals: poisson
          loads_qps: [50, 80]
          duration_s: {{durationSeconds}}
          slack_ms: 17
          accuracy_target: {min: 0.683, max: 0.743, per: run}
        scheduler:
          decision_time: none
        output:
          job_records: {{(jobRecords ? "true" : "false")}}
        sweep:
          grid:
            executor.estimate_factor: [0.75, 1]
        """;
}
