using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;

namespace Mosel.Experiments.Tests;

/// <summary><c>simulate --shard I/N</c>, <c>--resume</c> and <c>mosel merge</c>: shards merged give one machine's bytes.</summary>
public sealed class ShardTests
{
    private static string Config => SmallStudy.Yaml("shard-test", durationSeconds: 15, jobRecords: true);

    private static void Simulate(string config, string outDir, params string[] more)
    {
        (int code, _, string error) = CliRunner.Run(["simulate", "--config", config, "--out", outDir, .. more]);
        Assert.Equal((0, ""), (code, error));
    }

    /// <summary>16 runs in 3 shards (uneven), merged in a shuffled order: every file but provenance.json is byte-identical to one machine's.</summary>
    [Fact]
    public void MergedShardsAreByteIdenticalToTheWholeStudyOnOneMachine()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config);
        Simulate(config, scratch.Combine("whole"));
        for (int i = 0; i < 3; i++)
        {
            Simulate(config, scratch.Combine($"s{i}"), "--shard", $"{i}/3");
        }
        string[][] ids = Enumerable.Range(0, 3).Select(i => File.ReadAllLines(scratch.Combine($"s{i}/summary.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray()).ToArray();
        Assert.All(ids, shard => Assert.InRange(shard.Length, 4, 7));
        Assert.Equal(16, ids.SelectMany(s => s).Distinct().Count());

        (int code, _, string error) = CliRunner.Run("merge", scratch.Combine("s2"), scratch.Combine("s0"), scratch.Combine("s1"), "--out", scratch.Combine("merged"));
        Assert.Equal((0, ""), (code, error));
        string[] files = Directory.GetFiles(scratch.Combine("whole")).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(files, Directory.GetFiles(scratch.Combine("merged")).Select(Path.GetFileName).Order());
        Assert.Contains("jobs.csv.gz", files);
        foreach (string file in files.Where(f => f is not "provenance.json" and not ".mosel-results"))
        {
            Assert.True(File.ReadAllBytes(scratch.Combine($"whole/{file}")).SequenceEqual(File.ReadAllBytes(scratch.Combine($"merged/{file}"))), $"{file} differs");
        }
    }

    /// <summary>The split depends on the study alone and balances expected events: no shard exceeds another by more than one run's cost.</summary>
    [Fact]
    public void TheSplitIsTheSameEverywhereAndBalanced()
    {
        using var scratch = new Scratch();
        Study study = ConfigLoader.LoadStudy(scratch.File("study.yaml", Config));
        int[] owner = ShardPlan.Assign(study, 3);
        Assert.Equal(owner, ShardPlan.Assign(ConfigLoader.LoadStudy(scratch.File("again.yaml", Config)), 3));
        double[] cost = new double[3];
        foreach (RunSpec run in study.Runs)
        {
            cost[owner[run.Index]] += RunBudget.EventsPerRun(study.ConfigOf(run), run.LoadQps);
        }
        double largest = study.Runs.Max(r => RunBudget.EventsPerRun(study.ConfigOf(r), r.LoadQps));
        Assert.True(cost.Max() - cost.Min() <= largest, $"shard costs {string.Join(", ", cost)}");
        Assert.Equal(study.Runs.Count, Enumerable.Range(0, 5).Sum(i => ShardPlan.Runs(study, new ShardSpec(i, 5)).Count));
    }

    /// <summary>A finished shard is not run again; a shard of another config (or a missing folder) is.</summary>
    [Fact]
    public void ResumeSkipsAFinishedShardOnly()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config);
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2");
        DateTime written = File.GetLastWriteTimeUtc(scratch.Combine("s0/summary.csv"));
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("s0"), "--shard", "0/2", "--resume");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("already holds these", output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(scratch.Combine("s0/summary.csv")));
        (code, output, _) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("s0"), "--shard", "0/2", "--resume", "--set", "seeds=[3]");
        Assert.Equal(0, code);
        Assert.DoesNotContain("already holds", output);
        Assert.Contains(",3,", File.ReadAllText(scratch.Combine("s0/summary.csv")));
    }

    /// <summary>
    /// Merge trusts a shard's files only as its manifest's checksums say: a duplicated summary row, a cut-short record file,
    /// a deleted row, or shards run on different trace contents are one line each, and nothing is written.
    /// </summary>
    [Fact]
    public void MergeChecksEveryShardsFilesAndInputsByContent()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config);
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2");
        Simulate(config, scratch.Combine("s1"), "--shard", "1/2");
        void Broken(string name, Action<string> breakIt)
        {
            string folder = scratch.Combine(name);
            Directory.CreateDirectory(folder);
            foreach (string file in Directory.GetFiles(scratch.Combine("s1")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
            breakIt(folder);
        }
        Broken("dup-row", f => File.AppendAllText(Path.Combine(f, "summary.csv"), File.ReadLines(Path.Combine(f, "summary.csv")).Last() + "\n"));
        Broken("deleted-row", f => File.WriteAllLines(Path.Combine(f, "summary.csv"), File.ReadAllLines(Path.Combine(f, "summary.csv"))[..^1]));
        Broken("cut-jobs", f => File.WriteAllBytes(Path.Combine(f, "jobs.csv.gz"), File.ReadAllBytes(Path.Combine(f, "jobs.csv.gz"))[..100]));
        Broken("cut-windows", f => File.WriteAllText(Path.Combine(f, "windows.csv"), File.ReadLines(Path.Combine(f, "windows.csv")).First() + "\n"));
        Broken("no-run-ids", f => File.WriteAllText(Path.Combine(f, "shard.json"), File.ReadAllText(Path.Combine(f, "shard.json"))
            .Replace("\"run_ids\": [", "\"run_ids\": null, \"x\": [", StringComparison.Ordinal)));
        // The same study, path for path, with its profile edited between the shards.
        string profile = scratch.File("edited/tvlt.yaml", File.ReadAllText(Repo.PathOf("profiles/tvlt.h100-interim.yaml")));
        string editedConfig = scratch.File("edited/study.yaml", Config.Replace(Repo.PathOf("profiles/tvlt.h100-interim.yaml"), profile, StringComparison.Ordinal));
        Simulate(editedConfig, scratch.Combine("e0"), "--shard", "0/2");
        File.AppendAllText(profile, "\n# edited\n");
        Simulate(editedConfig, scratch.Combine("e1"), "--shard", "1/2");
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        foreach ((string second, string expected) in new[]
        {
            ("dup-row", "dup-row/summary.csv: not as the shard wrote it"),
            ("deleted-row", "deleted-row/summary.csv: not as the shard wrote it"),
            ("cut-jobs", "cut-jobs/jobs.csv.gz: not as the shard wrote it"),
            ("cut-windows", "cut-windows/windows.csv: not as the shard wrote it"),
            ("no-run-ids", "no-run-ids/shard.json: run_ids: missing"),
        })
        {
            (int code, _, string error) = CliRunner.Run("merge", scratch.Combine("s0"), scratch.Combine(second), "--out", scratch.Combine("merged"));
            Assert.True(code == 2, $"{second}: exit {code}: {error}");
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        (int c, _, string e) = CliRunner.Run("merge", scratch.Combine("e0"), scratch.Combine("e1"), "--out", scratch.Combine("merged"));
        Assert.Equal(2, c);
        Assert.Contains("e1: ran on other inputs than", e, StringComparison.Ordinal);
        Assert.Contains("(the profile differs by content)", e, StringComparison.Ordinal);
        before.AssertUnchanged("refused merges");
    }

    /// <summary>--resume compares contents, not names: an input edited since, or a result file cut short, runs the work again.</summary>
    [Fact]
    public void ResumeRunsAgainWhenAnInputOrAResultChangedSince()
    {
        using var scratch = new Scratch();
        string profile = scratch.File("tvlt.yaml", File.ReadAllText(Repo.PathOf("profiles/tvlt.h100-interim.yaml")));
        string config = scratch.File("study.yaml", Config.Replace(Repo.PathOf("profiles/tvlt.h100-interim.yaml"), profile, StringComparison.Ordinal));
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2");
        Simulate(config, scratch.Combine("whole"));
        string Marker(string folder) => File.ReadAllText(Path.Combine(scratch.Combine(folder), ".mosel-results"));
        (string shard, string whole) = (Marker("s0"), Marker("whole"));
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2", "--resume");
        Simulate(config, scratch.Combine("whole"), "--resume");
        Assert.Equal((shard, whole), (Marker("s0"), Marker("whole")));

        // A result file cut short: the shard runs again.
        File.WriteAllText(scratch.Combine("s0/windows.csv"), "run_id\n");
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2", "--resume");
        Assert.NotEqual(shard, Marker("s0"));
        shard = Marker("s0");

        // The profile edited (same path): both run again.
        File.AppendAllText(profile, "\n# edited\n");
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2", "--resume");
        Simulate(config, scratch.Combine("whole"), "--resume");
        Assert.NotEqual(shard, Marker("s0"));
        Assert.NotEqual(whole, Marker("whole"));
    }

    [Fact]
    public void MergeRefusesWhatIsNotOneStudysShardsWithOneLine()
    {
        using var scratch = new Scratch();
        string config = scratch.File("study.yaml", Config);
        Simulate(config, scratch.Combine("s0"), "--shard", "0/2");
        Simulate(config, scratch.Combine("s1"), "--shard", "1/2");
        Simulate(config, scratch.Combine("other1"), "--shard", "1/2", "--set", "seeds=[7]");
        Simulate(config, scratch.Combine("whole"));
        string build = scratch.Combine("oldbuild");
        Simulate(config, build, "--shard", "1/2");
        File.WriteAllText(Path.Combine(build, "shard.json"), File.ReadAllText(Path.Combine(build, "shard.json")).Replace("\"build\": \"", "\"build\": \"0.0.1-", StringComparison.Ordinal));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        foreach ((string[] shards, string expected) in new[]
        {
            (new[] { "s0" }, "shard 1 of 2 is missing"),
            (new[] { "s0", "s0", "s1" }, "shard 0 of 2 is given twice"),
            (new[] { "s0", "other1" }, "other1: a different study from"),
            (new[] { "s0", "whole" }, "whole: not a shard"),
            (new[] { "s0", "oldbuild" }, "oldbuild: written by Mosel 0.0.1-"),
            (new[] { "s0", "nowhere" }, "nowhere: no such shard folder"),
        })
        {
            (int code, _, string error) = CliRunner.Run(["merge", .. shards.Select(scratch.Combine), "--out", scratch.Combine("merged")]);
            Assert.True(code == 2, $"{string.Join(' ', shards)}: exit {code}: {error}");
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, error);
        }
        (int c, _, string e) = CliRunner.Run("simulate", "--config", config, "--shard", "2/2", "--out", scratch.Combine("x"));
        Assert.Equal(2, c);
        Assert.Contains("--shard: expected I/N with 0 <= I < N", e);
        before.AssertUnchanged("refused merges");
    }
}
