using Mosel.Experiments.Output;

namespace Mosel.Experiments.Tests;

/// <summary>
/// Reports of studies with two swept keys and four policies: small multiples when a plot would carry more than 8 lines,
/// colour and markers from chosen keys, --where and --metrics, tidy figure CSVs, and the terminal table per sweep point.
/// </summary>
public sealed class ReportLayoutTests
{
    // 4 policies x slack {17, 55} x target floor {0.683, 0.723} x loads {40, 120}: 16 lines against load.
    private static string Config => $$"""
        name: layout
        profile: {{Repo.PathOf("profiles/tvlt.h100-interim.yaml")}}
        policies: [none, fp16, dynamic, dynamic+fp16]
        seeds: [1, 2]
        workload:
          arrivals: poisson
          loads_qps: [40, 120]
          duration_s: 10
          accuracy_target: {min: 0.683, max: 0.743, per: job}
        scheduler:
          decision_time: none
        sweep:
          grid:
            workload.slack_ms: [17, 55]
            workload.accuracy_target.min: [0.683, 0.723]
        """;

    private static (string Results, string Output) Simulate(Scratch scratch)
    {
        string results = scratch.Combine("layout");
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", scratch.File("layout.yaml", Config), "--out", results);
        Assert.Equal((0, ""), (code, error));
        return (results, output);
    }

    [Fact]
    public void SixteenLinesSplitIntoPanelsWithMarkersForTheKeyWithFewestValues()
    {
        using var scratch = new Scratch();
        (string results, string terminal) = Simulate(scratch);
        // The terminal: one table per sweep point, titled by its values, the keys shortened; no row repeats the swept values.
        string tables = terminal[terminal.IndexOf("── layout", StringComparison.Ordinal)..];
        Assert.Contains("slack_ms = 17  ·  min = 0.683", tables, StringComparison.Ordinal);
        Assert.Contains("slack_ms = 55  ·  min = 0.723", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("workload.", tables[..tables.IndexOf("Results:", StringComparison.Ordinal)], StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.Run("report", results).ExitCode);
        string figures = Path.Combine(results + "-report", "figures");
        // Two keys of two values: the first (slack) picks the markers, the other (the floor) makes a panel per value.
        Assert.True(File.Exists(Path.Combine(figures, "throughput_rps_vs_load_qps_0.png")));
        Assert.True(File.Exists(Path.Combine(figures, "throughput_rps_vs_load_qps_1.png")));
        Assert.False(File.Exists(Path.Combine(figures, "throughput_rps_vs_load_qps_2.png")));
        string markdown = File.ReadAllText(Path.Combine(results + "-report", "report.md"));
        Assert.Contains("(colour: policy, marker: workload.slack_ms, one panel per workload.accuracy_target.min)", markdown, StringComparison.Ordinal);
        // Tidy numbers: a column per swept key, the policy, load, metric, mean, interval and seeds; one row per plotted point.
        string[] csv = File.ReadAllLines(Path.Combine(figures, "throughput_rps_vs_load_qps.csv"));
        Assert.Equal("workload.slack_ms,workload.accuracy_target.min,policy,load_qps,metric,mean,ci95,seeds", csv[0]);
        Assert.Equal(2 * 2 * 4 * 2, csv.Length - 1);
        Assert.Equal(csv.Length - 1, csv.Skip(1).Distinct().Count());
    }

    [Fact]
    public void ChosenFacetsWhereAndMetricsShapeTheFigures()
    {
        using var scratch = new Scratch();
        (string results, _) = Simulate(scratch);
        string outDir = scratch.Combine("chosen");
        (int code, _, string error) = CliRunner.Run("report", results, "--out", outDir, "--facet", "policy", "--metrics", "throughput_rps,violation_ratio",
            "--where", "load_qps=120");
        Assert.Equal((0, ""), (code, error));
        string figures = Path.Combine(outDir, "figures");
        string[] drawn = [.. Directory.GetFiles(figures, "*.csv").Select(Path.GetFileName).Order()!];
        // One load left: no figure against load; against each swept key, the two metrics asked for; then the CDF and time series.
        Assert.Equal(["accuracy_cdf.csv", "throughput_rps_vs_workload_accuracy_target_min.csv", "throughput_rps_vs_workload_slack_ms.csv", "timeseries.csv",
            "violation_ratio_vs_workload_accuracy_target_min.csv", "violation_ratio_vs_workload_slack_ms.csv"], drawn);
        Assert.True(File.Exists(Path.Combine(figures, "throughput_rps_vs_workload_slack_ms_3.png")));     // a panel per policy
        Assert.False(File.Exists(Path.Combine(figures, "throughput_rps_vs_workload_slack_ms_4.png")));
        string[] rows = File.ReadAllLines(Path.Combine(figures, "throughput_rps_vs_workload_slack_ms.csv"));
        int load = Array.IndexOf(rows[0].Split(','), "load_qps");
        Assert.All(rows.Skip(1), r => Assert.Equal("120", r.Split(',')[load]));

        // Colour by one swept key and markers by the other: the policy makes the panels.
        Assert.Equal(0, CliRunner.Run("report", results, "--out", scratch.Combine("colours"), "--color", "workload.slack_ms", "--style", "workload.accuracy_target.min",
            "--metrics", "jct_p99_ms").ExitCode);
        Assert.Contains("(colour: workload.slack_ms, marker: workload.accuracy_target.min, one panel per policy)",
            File.ReadAllText(scratch.Combine("colours/report.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--facet", "nope", "error: --facet: 'nope' does not vary in these results")]
    [InlineData("--where", "policy", "error: --where: 'policy': expected KEY=VALUE")]
    [InlineData("--where", "seed=1", "error: --where: 'seed' is not a key of these results (policy, load_qps, workload.slack_ms, workload.accuracy_target.min)")]
    [InlineData("--where", "policy=greedy", "error: --where: no point has policy=greedy")]
    [InlineData("--metrics", "goodput", "error: --metrics: 'goodput' is not a metric a report draws")]
    public void ABadLayoutOptionIsOneLineAndWritesNothing(string option, string value, string expected)
    {
        using var scratch = new Scratch();
        (string results, _) = Simulate(scratch);
        (int code, _, string error) = CliRunner.Run("report", results, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(results + "-report"));
    }

    [Fact]
    public void KeysAreShortenedOnlyAsFarAsTheyStayApart()
    {
        IReadOnlyDictionary<string, string> names = KeyNames.Shortest(["workload.slack_ms", "workload.accuracy_target.min", "workload.job_size.min", "scheduler.reference.solve_ms", "seeds"]);
        Assert.Equal("slack_ms", names["workload.slack_ms"]);
        Assert.Equal("accuracy_target.min", names["workload.accuracy_target.min"]);
        Assert.Equal("job_size.min", names["workload.job_size.min"]);
        Assert.Equal("solve_ms", names["scheduler.reference.solve_ms"]);
        Assert.Equal("seeds", names["seeds"]);
        Assert.Equal("a.b", KeyNames.Shortest(["a.b", "b"])["a.b"]);
        Assert.Equal("b", KeyNames.Shortest(["a.b", "b"])["b"]);
        Assert.Equal("x.csv", KeyNames.Values(["../t/x.csv", "../t/y.csv"])["../t/x.csv"]);
        Assert.Equal("../t/x.csv", KeyNames.Values(["../t/x.csv", "../u/x.csv"])["../t/x.csv"]);
        Assert.Equal("17", KeyNames.Values(["17", "55"])["17"]);
    }
}
