using System.Globalization;
using System.Text.Json;

namespace Mosel.Experiments.Tests;

public sealed class AggregateTests
{
    /// <summary>Student's t, 97.5 % quantile, 2 degrees of freedom (tables: 4.303).</summary>
    private const double T2 = 4.302652729911275;

    private static Dictionary<string, string>[] Rows(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v)).ToArray();
    }

    private static double Number(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    /// <summary>
    /// Three seeds of the smoke config: each point's mean, sample standard deviation and 95 % interval in aggregate.csv and
    /// summary.json are what the per-run values in summary.csv give by hand (mean, sqrt(Σ(x − mean)² / 2), t · sd / √3).
    /// </summary>
    [Fact]
    public void EveryPointsMeanDeviationAndIntervalFollowFromTheRunsInSummaryCsv()
    {
        using var scratch = new Scratch();
        string outDir = scratch.Combine("r");
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", outDir,
            "--set", "seeds=[1, 2, 3]", "--set", "scheduler.decision_time=none", "--set", "output.job_records=false");
        Assert.Equal((0, ""), (code, error));
        Dictionary<string, string>[] runs = Rows(Path.Combine(outDir, "summary.csv"));
        Dictionary<string, string>[] points = Rows(Path.Combine(outDir, "aggregate.csv"));
        // Column names pandas and R read as identifiers: the audio+video mix is requests_audio_video.
        Assert.Contains("requests_audio_video", runs[0].Keys);
        Assert.Contains("requests_audio_video", File.ReadLines(Path.Combine(outDir, "windows.csv")).First().Split(','));
        Assert.DoesNotContain(runs[0].Keys, k => k.Contains('+', StringComparison.Ordinal));
        Assert.Equal(8, points.Length);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        JsonElement[] jsonPoints = json.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(8, jsonPoints.Length);
        for (int p = 0; p < points.Length; p++)
        {
            Dictionary<string, string> point = points[p];
            double[] values = runs.Where(r => r["policy"] == point["policy"] && r["load_qps"] == point["load_qps"])
                .Select(r => Number(r["throughput_rps"])).ToArray();
            Assert.Equal(3, values.Length);
            Assert.Equal("3", point["seeds"]);
            double mean = values.Sum() / 3;
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / 2);
            Assert.Equal(mean, Number(point["throughput_rps_mean"]), 9);
            Assert.Equal(sd, Number(point["throughput_rps_sd"]), 9);
            Assert.Equal(T2 * sd / Math.Sqrt(3), Number(point["throughput_rps_ci95"]), 9);
            JsonElement metric = jsonPoints[p].GetProperty("metrics").GetProperty("throughput_rps");
            Assert.Equal(point["policy"], jsonPoints[p].GetProperty("policy").GetString());
            Assert.Equal(3, metric.GetProperty("n").GetInt32());
            Assert.Equal(mean, metric.GetProperty("mean").GetDouble(), 9);
            Assert.Equal(T2 * sd / Math.Sqrt(3), metric.GetProperty("ci95").GetDouble(), 9);
        }
        // A metric no seed has (no decisions for none: its decision times are empty) is an empty field and null, not 0.
        Dictionary<string, string> none = points.First(p => p["policy"] == "none");
        Assert.Equal("", none["decision_wall_p50_ms_mean"]);
        JsonElement noneJson = jsonPoints.First(p => p.GetProperty("policy").GetString() == "none");
        Assert.Equal(JsonValueKind.Null, noneJson.GetProperty("metrics").GetProperty("decision_wall_p50_ms").GetProperty("mean").ValueKind);
    }

    /// <summary>
    /// One seed has no spread: every sd and interval is empty in aggregate.csv and null in summary.json (a 0 would claim a
    /// measured spread of nothing). A sweep set from the command line with the config's key syntax: the swept values are
    /// typed in summary.json (numbers as numbers, names as strings).
    /// </summary>
    [Fact]
    public void OneSeedLeavesTheSpreadEmptyAndASweepSetFromTheCommandLineIsTyped()
    {
        using var scratch = new Scratch();
        string outDir = scratch.Combine("r");
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", outDir,
            "--set", "seeds=[4]", "--set", "scheduler.decision_time=none", "--set", "policies=[none]", "--set", "workload.loads_qps=[40]",
            "--set", "sweep.grid.workload.slack_ms=[17, 55]", "--set", "sweep.zip.executor.estimate_factor=[1.5]", "--set", "sweep.zip.scheduler.solver=[ortools]");
        Assert.Equal((0, ""), (code, error));
        Dictionary<string, string>[] points = Rows(Path.Combine(outDir, "aggregate.csv"));
        Assert.Equal(["17", "55"], points.Select(p => p["workload.slack_ms"]));
        Assert.All(points, p => Assert.Equal("1.5", p["executor.estimate_factor"]));
        Assert.All(points, p => Assert.Equal("1", p["seeds"]));
        Assert.All(points, p => Assert.All(p.Where(c => c.Key.EndsWith("_sd", StringComparison.Ordinal) || c.Key.EndsWith("_ci95", StringComparison.Ordinal)),
            c => Assert.Equal("", c.Value)));
        Assert.All(points, p => Assert.NotEqual("", p["throughput_rps_mean"]));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        JsonElement[] jsonPoints = [.. json.RootElement.GetProperty("points").EnumerateArray()];
        Assert.Equal([17.0, 55.0], jsonPoints.Select(p => p.GetProperty("sweep").GetProperty("workload.slack_ms").GetDouble()));
        Assert.All(jsonPoints, p => Assert.Equal(1.5, p.GetProperty("sweep").GetProperty("executor.estimate_factor").GetDouble()));
        Assert.All(jsonPoints, p => Assert.Equal("ortools", p.GetProperty("sweep").GetProperty("scheduler.solver").GetString()));
        JsonElement goodput = jsonPoints[0].GetProperty("metrics").GetProperty("throughput_rps");
        Assert.Equal(1, goodput.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, goodput.GetProperty("sd").ValueKind);
        Assert.Equal(JsonValueKind.Null, goodput.GetProperty("ci95").ValueKind);
    }

    /// <summary>
    /// The statistics over seeds on hand values: eight seeds of the textbook sample 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, sample
    /// sd √(32/7), t(7) = 2.364624); two of three seeds with the metric (the third has none, e.g. no finished job): n = 2,
    /// mean 2, sd √2 and t(1) = 12.706205 (the interval's width for two values is t(1) · sd / √2 = 12.706205); none: n = 0.
    /// </summary>
    [Fact]
    public void SeedStatisticsCountOnlyTheSeedsThatHaveTheMetric()
    {
        Output.SeedSummary textbook = Output.SeedStatistics.Describe([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal((8, 5.0), (textbook.N, textbook.Mean));
        Assert.Equal(Math.Sqrt(32.0 / 7), textbook.Sd, 12);
        Assert.Equal(2.364624251592785 * Math.Sqrt(32.0 / 7) / Math.Sqrt(8), textbook.Ci95, 9);

        Output.SeedSummary partial = Output.SeedStatistics.Describe([1, double.NaN, 3]);
        Assert.Equal((2, 2.0), (partial.N, partial.Mean));
        Assert.Equal(Math.Sqrt(2), partial.Sd, 12);
        Assert.Equal(12.706204736174698, partial.Ci95, 9);

        Output.SeedSummary missing = Output.SeedStatistics.Describe([double.NaN, double.NaN]);
        Assert.Equal(0, missing.N);
        Assert.True(double.IsNaN(missing.Mean) && double.IsNaN(missing.Sd) && double.IsNaN(missing.Ci95));
    }
}
