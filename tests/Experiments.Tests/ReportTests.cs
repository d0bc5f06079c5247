using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mosel.Experiments.Tests;

/// <summary><c>mosel report</c>: figures picked from what varies, their numbers, a self-contained HTML page that a real browser renders.</summary>
public sealed partial class ReportTests
{
    private static string Config => SmallStudy.Yaml("report-test", durationSeconds: 20, jobRecords: false);

    private static readonly string[] s_metrics = ["throughput_rps", "violation_ratio", "mean_served_accuracy", "jct_p99_ms"];

    private static string Simulate(Scratch scratch)
    {
        string results = scratch.Combine("results");
        (int code, _, string error) = CliRunner.Run("simulate", "--config", scratch.File("study.yaml", Config), "--out", results);
        Assert.Equal((0, ""), (code, error));
        return results;
    }

    /// <summary>
    /// A sweep over estimate factor x load x policy: every metric against load and against the factor, the accuracy CDF
    /// and one run's time series, each as PNG + SVG + CSV; the CSV holds aggregate.csv's numbers; the page embeds every
    /// figure and names nothing outside itself.
    /// </summary>
    [Fact]
    public void ASweepsReportHasEveryFigureWithItsNumbersInOneSelfContainedPage()
    {
        using var scratch = new Scratch();
        string results = Simulate(scratch);
        (int code, _, string error) = CliRunner.Run("report", results);
        Assert.Equal((0, ""), (code, error));
        // Beside the results, not in them: re-running the config replaces the results folder and leaves the report.
        string report = scratch.Combine("results-report");
        Assert.False(Directory.Exists(Path.Combine(results, "report")));
        string[] names = [.. s_metrics.SelectMany(m => new[] { $"{m}_vs_load_qps", $"{m}_vs_executor_estimate_factor" }), "accuracy_cdf", "timeseries"];
        foreach (string name in names)
        {
            foreach (string extension in new[] { "png", "svg", "csv" })
            {
                Assert.True(new FileInfo(Path.Combine(report, "figures", $"{name}.{extension}")).Length > 100, $"{name}.{extension}");
            }
        }
        // The numbers behind "goodput vs load" are aggregate.csv's means, each under its own point: 2 policies x 2 factors x 2 loads,
        // in tidy form (a column per swept key, the policy, the load, the metric, mean, interval, seeds).
        string[][] aggregate = File.ReadAllLines(Path.Combine(results, "aggregate.csv")).Select(l => l.Split(',')).ToArray();
        int Column(string name) => Array.IndexOf(aggregate[0], name);
        string[] expected = [.. aggregate.Skip(1).Select(r => string.Join(',', r[Column("executor.estimate_factor")], r[Column("policy")], r[Column("load_qps")],
            "throughput_rps", r[Column("throughput_rps_mean")], r[Column("throughput_rps_ci95")], r[Column("seeds")])).Order()];
        string[] plotted = File.ReadAllLines(Path.Combine(report, "figures", "throughput_rps_vs_load_qps.csv"));
        Assert.Equal("executor.estimate_factor,policy,load_qps,metric,mean,ci95,seeds", plotted[0]);
        Assert.Equal(8, expected.Length);
        Assert.Equal(expected, plotted.Skip(1).Order());

        string html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Equal(names.Length, DataImages().Count(html));
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("executor.estimate_factor", html);
        Assert.Contains("config.resolved.yaml", html);
        Assert.Contains("sha256", html);
        Assert.Equal(8 + 1, Regex.Count(html, "<tr>"));
        Assert.Contains("![", File.ReadAllText(Path.Combine(report, "report.md")));
        _ = Simulate(scratch);
        Assert.Equal(html, File.ReadAllText(Path.Combine(report, "report.html")));
    }

    /// <summary>
    /// The page in Debian's Chromium, headless: no console message, every figure decoded, a screenshot. The same page with
    /// one figure's data broken shows the check failing (a console error, one figure fewer rendered).
    /// </summary>
    [Fact]
    public void TheReportRendersInARealBrowser()
    {
        string? browser = Browser();
        if (browser is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("MOSEL_REQUIRE_BROWSER") != "1", "MOSEL_REQUIRE_BROWSER=1 but /usr/bin/chromium is not installed");
            Assert.Skip("Chromium is not installed (apt-get install chromium); .ci/run installs it");
        }
        using var scratch = new Scratch();
        string results = Simulate(scratch);
        Assert.Equal(0, CliRunner.Run("report", results).ExitCode);
        string page = Path.Combine(results + "-report", "report.html");

        (string dom, string log) = Chromium(browser, scratch, "--dump-dom", page);
        Assert.Matches("<body data-figures=\"10\" data-figures-rendered=\"10\">", dom);
        Assert.DoesNotContain("CONSOLE", log);
        string shot = scratch.Combine("report.png");
        Chromium(browser, scratch, $"--screenshot={shot}", page, "--window-size=1200,2400");
        Assert.True(new FileInfo(shot).Length > 50_000, "the screenshot is (nearly) blank");

        string broken = scratch.File("broken.html", DataImages().Replace(File.ReadAllText(page), "src=\"data:image/png;base64,AAAA\"", 1));
        (dom, log) = Chromium(browser, scratch, "--dump-dom", broken);
        Assert.Matches("<body data-figures=\"10\" data-figures-rendered=\"9\">", dom);
        Assert.Contains("1 of 10 figures did not render", log);
    }

    [Fact]
    public void BadReportInputIsOneLineAndWritesNothing()
    {
        using var scratch = new Scratch();
        string results = Simulate(scratch);
        // Copies cut short after their header lines: a results folder always holds at least one run.
        string[] cut = ["summary.csv", "aggregate.csv"];
        foreach (string file in cut)
        {
            string copy = scratch.Combine($"cut-{file}");
            foreach (string source in Directory.GetFiles(results))
            {
                scratch.File(Path.Combine($"cut-{file}", Path.GetFileName(source)), File.ReadAllText(source));
            }
            File.WriteAllText(Path.Combine(copy, file), File.ReadLines(Path.Combine(results, file)).First() + "\n");
        }
        // A summary row given twice (its numbers would join another series), and a header naming a column twice.
        foreach ((string name, Func<string[], string[]> edit) in new (string, Func<string[], string[]>)[]
        {
            ("twice-row", lines => [.. lines, lines[1]]),
            ("twice-column", lines => [lines[0].Replace("policy", "run_id", StringComparison.Ordinal), .. lines[1..]]),
        })
        {
            foreach (string source in Directory.GetFiles(results))
            {
                scratch.File(Path.Combine(name, Path.GetFileName(source)), File.ReadAllText(source));
            }
            File.WriteAllLines(scratch.Combine($"{name}/summary.csv"), edit(File.ReadAllLines(Path.Combine(results, "summary.csv"))));
        }
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        foreach ((string[] args, string expected) in new[]
        {
            (new[] { "report", scratch.Combine("cut-summary.csv"), "--out", scratch.Combine("r1") }, "summary.csv: no rows (a results folder holds at least one run"),
            (new[] { "report", scratch.Combine("cut-aggregate.csv"), "--out", scratch.Combine("r2") }, "aggregate.csv: no rows"),
            (new[] { "report", scratch.Combine("twice-row"), "--out", scratch.Combine("r3") }, "twice-row/summary.csv: a run appears twice"),
            (new[] { "report", scratch.Combine("twice-column"), "--out", scratch.Combine("r4") }, "twice-column/summary.csv:1: the column 'run_id' is named twice"),
            (new[] { "report", scratch.Combine("nowhere") }, "nowhere: no such results folder"),
            (new[] { "report", scratch.Path }, "summary.json: not found"),
            (new[] { "report", results, "--run", "0123456789ab" }, "--run: no run '0123456789ab'"),
            (new[] { "report", results, "--out", results }, "--out:"),
            (new[] { "report", results, "--scale", "100" }, "--scale: must be in"),
        })
        {
            (int code, _, string error) = CliRunner.Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {error}");
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, error);
        }
        before.AssertUnchanged("bad report input");
    }

    private static string? Browser() => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    private static (string Out, string Log) Chromium(string browser, Scratch scratch, string action, string page, string? extra = null)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string? arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=5000", $"--user-data-dir={scratch.Combine("chromium-profile")}", action, extra, "file://" + page })
        {
            if (arg is not null)
            {
                start.ArgumentList.Add(arg);
            }
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> log = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "chromium did not finish in 120 s");
        return (output.Result, log.Result);
    }

    [GeneratedRegex("src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"")]
    private static partial Regex DataImages();

    [GeneratedRegex("(src|href)=\"(https?:|//)|<link |<script src", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
