using Mosel.Experiments.Configuration;

namespace Mosel.Experiments.Tests;

/// <summary><c>sweep:</c> — grid and zip points, swept keys as columns, stable run ids, <c>--dry-run</c>.</summary>
public sealed class SweepTests
{
    private const string GridAndZip = """
        sweep:
          grid:
            executor.estimate_factor: [0.5, 1]
          zip:
            workload.slack_ms: [17, 55]
            workload.accuracy_target.min: [0.683, 0.6]
        """;

    [Fact]
    public void AZipColumnMayRepeatAValueAsTheReadmesExampleDoes()
    {
        // The bands of docs/studies.md's example: (0.713, 0.743), (0.683, 0.743), (0.623, 0.733) — max repeats 0.743, the rows all differ.
        using var scratch = new Scratch();
        string config = scratch.File("bands.yaml", Config("""
            sweep:
              grid:
                workload.slack_ms: [17, 55]
              zip:
                workload.accuracy_target.min: [0.713, 0.683, 0.623]
                workload.accuracy_target.max: [0.743, 0.743, 0.733]
            """));
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", config, "--dry-run");
        Assert.True(code == 0, error);
        Assert.Contains("24 runs (6 sweep points)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportingTheSameFolderTwiceIsRefused()
    {
        using var scratch = new Scratch();
        string config = scratch.File("one.yaml", Config(""));
        Assert.Equal(0, CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("a")).ExitCode);
        Directory.CreateSymbolicLink(scratch.Combine("alias"), scratch.Combine("a"));
        (int code, _, string error) = CliRunner.Run("report", scratch.Combine("a"), scratch.Combine("alias"), "--out", scratch.Combine("r"));
        Assert.Equal(2, code);
        Assert.Equal($"error: results: {scratch.Combine("a")} is given twice", error.TrimEnd('\n'));
        Assert.False(Directory.Exists(scratch.Combine("r")));
    }

    private static string Config(string sweep) => $$"""
        name: sweep-test
        profile: {{Repo.PathOf("profiles/tvlt.h100-interim.yaml")}}
        policies: [none, dynamic]
        seeds: [1, 2]
        workload:
          arrivals: poisson
          loads_qps: [70]
          duration_s: 20
          slack_ms: 17
          accuracy_target: {min: 0.683, max: 0.743, per: run}
        scheduler:
          decision_time: none
        {{sweep}}
        """;

    private static string[][] Rows(string path) => File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();

    /// <summary>
    /// A grid of 2 crossed with a zip of 2: 4 points x 2 policies x 2 seeds. Every swept key is a column of summary.csv,
    /// windows.csv and aggregate.csv, and a point's runs give the same numbers as the config run with <c>--set</c> of the
    /// point's values.
    /// </summary>
    [Fact]
    public void EveryPointIsTheConfigWithItsValuesSet()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config(GridAndZip));
        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("sweep"));
        Assert.Equal((0, ""), (code, error));
        string[] swept = ["executor.estimate_factor", "workload.slack_ms", "workload.accuracy_target.min"];
        string[][] summary = Rows(scratch.Combine("sweep/summary.csv"));
        Assert.Equal(["run_id", .. swept, "policy"], summary[0][..5]);
        Assert.Equal(17, summary.Length);
        Assert.Equal(16, summary.Skip(1).Select(r => r[0]).Distinct().Count());
        // Grid keys vary slowest, zip rows go in step.
        Assert.Equal(["0.5,17,0.683", "0.5,55,0.6", "1,17,0.683", "1,55,0.6"],
            summary.Skip(1).Select(r => string.Join(',', r[1..4])).Distinct());
        Assert.Equal(["run_id", .. swept, "policy"], Rows(scratch.Combine("sweep/windows.csv"))[0][..5]);
        string[][] aggregate = Rows(scratch.Combine("sweep/aggregate.csv"));
        Assert.Equal([.. swept, "policy", "load_qps", "seeds"], aggregate[0][..6]);
        Assert.Equal(9, aggregate.Length);

        (code, _, error) = CliRunner.Run("simulate", "--config", scratch.File("single.yaml", Config("")), "--out", scratch.Combine("single"), "--set", "executor.estimate_factor=0.5", "--set", "workload.slack_ms=55", "--set", "workload.accuracy_target.min=0.6");
        Assert.Equal((0, ""), (code, error));
        string[][] single = Rows(scratch.Combine("single/summary.csv"));
        Assert.Equal(5, single.Length);
        string[][] point = summary.Skip(1).Where(r => r[1] == "0.5" && r[2] == "55").ToArray();
        Assert.Equal(single.Skip(1).Select(r => string.Join(',', r[1..])), point.Select(r => string.Join(',', r[4..])));
        // The resolved config keeps the sweep and re-runs to the same files.
        (code, _, error) = CliRunner.Run("simulate", "--config", scratch.Combine("sweep/config.resolved.yaml"), "--out", scratch.Combine("again"));
        Assert.Equal((0, ""), (code, error));
        foreach (string file in new[] { "summary.csv", "windows.csv", "aggregate.csv", "job_accuracy.csv" })
        {
            Assert.Equal(File.ReadAllBytes(scratch.Combine($"sweep/{file}")), File.ReadAllBytes(scratch.Combine($"again/{file}")));
        }
        // summary.json too, up to its provenance (which names the config file each was run from).
        static string Points(string path) => File.ReadAllText(path).Split("\"provenance\"")[0];
        Assert.Equal(Points(scratch.Combine("sweep/summary.json")), Points(scratch.Combine("again/summary.json")));
    }

    /// <summary>
    /// Two grid keys and a zip of two: the grid's first key varies slowest, then the second, then the zip's rows, whichever
    /// keys they are (listed the other way round, the nesting turns with them). The orders are written out by hand.
    /// </summary>
    [Theory]
    [InlineData("executor.estimate_factor: [0.5, 1.5]\n    workload.slack_ms: [17, 55, 90]",
        "0.5,17,a|0.5,17,b|0.5,55,a|0.5,55,b|0.5,90,a|0.5,90,b|1.5,17,a|1.5,17,b|1.5,55,a|1.5,55,b|1.5,90,a|1.5,90,b")]
    [InlineData("workload.slack_ms: [17, 55, 90]\n    executor.estimate_factor: [0.5, 1.5]",
        "17,0.5,a|17,0.5,b|17,1.5,a|17,1.5,b|55,0.5,a|55,0.5,b|55,1.5,a|55,1.5,b|90,0.5,a|90,0.5,b|90,1.5,a|90,1.5,b")]
    public void GridKeysNestInTheOrderTheConfigListsThem(string grid, string expected)
    {
        using var scratch = new Scratch();
        string sweep = $"sweep:\n  grid:\n    {grid}\n  zip:\n    workload.accuracy_target.min: [0.683, 0.6]\n    scheduler.solver: [exact, ortools]\n";
        string config = scratch.File("study.yaml", Config(sweep).Replace("seeds: [1, 2]", "seeds: [1]", StringComparison.Ordinal)
            .Replace("duration_s: 20", "duration_s: 2", StringComparison.Ordinal));
        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("r"));
        Assert.Equal((0, ""), (code, error));
        string[][] summary = Rows(scratch.Combine("r/summary.csv"));
        Assert.Equal(["run_id", .. grid.Split("\n").Select(k => k.Trim().Split(':')[0]), "workload.accuracy_target.min", "scheduler.solver"], summary[0][..5]);
        // A zip row is a (target floor, solver) pair: "a" is (0.683, exact), "b" is (0.6, ortools); never crossed.
        string Zip(string[] row) => (row[3], row[4]) switch
        {
            ("0.683", "exact") => "a",
            ("0.6", "ortools") => "b",
            var other => $"crossed {other}",
        };
        Assert.Equal(expected.Split('|'), summary.Skip(1).Select(r => $"{r[1]},{r[2]},{Zip(r)}").Distinct());
        Assert.Equal(12 * 2, summary.Length - 1);
    }

    /// <summary>A run's id follows from its parameters alone: not the order the sweep lists its keys in, nor which other points the study has.</summary>
    [Fact]
    public void RunIdsAreStableAcrossKeyOrderAndStudies()
    {
        using var scratch = new Scratch();
        Study whole = ConfigLoader.LoadStudy(scratch.File("a.yaml", Config(GridAndZip)));
        Study reordered = ConfigLoader.LoadStudy(scratch.File("b.yaml", Config("""
            sweep:
              zip:
                workload.accuracy_target.min: [0.683, 0.6]
                workload.slack_ms: [17, 55]
              grid:
                executor.estimate_factor: [1.0, 5e-1]
            """)));
        Study part = ConfigLoader.LoadStudy(scratch.File("c.yaml", Config("""
            sweep:
              grid:
                executor.estimate_factor: [1]
                workload.slack_ms: [55]
                workload.accuracy_target.min: [0.6]
            """)));
        string[] ids = whole.Runs.Select(r => r.Id).ToArray();
        Assert.Equal(16, ids.Distinct().Count());
        Assert.Equal(ids.Order(), reordered.Runs.Select(r => r.Id).Order());
        Assert.Equal(4, part.Runs.Count);
        Assert.All(part.Runs, r => Assert.Contains(r.Id, ids));
        Assert.Equal(
            whole.Runs.Where(r => r.Point.ValueOf("executor.estimate_factor") == "1" && r.Point.ValueOf("workload.slack_ms") == "55").Select(r => r.Id),
            part.Runs.Select(r => r.Id));
    }

    [Fact]
    public void DryRunListsEveryRunAndWritesNothing()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config(GridAndZip));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("r"), "--dry-run");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("16 runs (4 sweep points)", output);
        foreach (RunSpec run in ConfigLoader.LoadStudy(config).Runs)
        {
            Assert.Contains(run.Id, output);
        }
        before.AssertUnchanged("dry run");
    }
}
