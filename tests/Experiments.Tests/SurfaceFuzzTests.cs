using System.Buffers.Binary;
using System.Text;

namespace Mosel.Experiments.Tests;

/// <summary>
/// The fuzz of <see cref="InputFuzzTests"/> on the newer surfaces: a sweep section, the files <c>mosel report</c> reads,
/// a shard's manifest and result files under <c>mosel merge</c>, a safetensors header, and command lines. Whatever is
/// done, mosel exits 0 or 2, prints only "error: …" lines and no stack trace, changes nothing outside --out and leaves
/// no staging. 300 cases in CI from a fixed seed (<see cref="FuzzRun"/>); MOSEL_FUZZ_CASES=10000 for a nightly run.
/// </summary>
public sealed class SurfaceFuzzTests(ITestOutputHelper output)
{
    private const string Sweep = """
        name: fuzz-study
        profile: {profile}
        policies: [fp16]
        seeds: [1]
        workload: {arrivals: poisson, loads_qps: [20], duration_s: 5, slack_ms: 55}
        scheduler: {decision_time: none}
        output: {job_records: true}
        sweep:
          grid:
            workload.slack_ms: [17, 55]
          zip:
            executor.estimate_factor: [0.9, 1.1]
        """;

    private const string SafetensorsHeader = """{"__metadata__":{"written_by":"test"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1,1],"data_offsets":[8,16]}}""";

    private static readonly string[] s_surfaces = ["sweep", "report", "merge", "safetensors", "command line"];

    private static readonly string[] s_tokens =
    [
        "--jobs", "--shard", "--set", "--max-events", "--force", "--resume", "--dry-run", "--out", "--run", "--scale", "--engine", "--figure",
        "0", "1", "-1", "2/3", "3/2", "1e300", "NaN", "abc", "", "x=1", "seeds=[1,1]", "workload.slack_ms=-1", "sweep.grid.seeds=[1]", "name=..",
        "/", ".", "..", "--", "-", "--help",
    ];

    [Fact]
    public void EveryNewSurfaceIsRunOrRefusedCleanly()
    {
        int cases = Math.Max(s_surfaces.Length, FuzzRun.Cases);
        ulong seed = FuzzRun.Seed;
        FuzzRun.Report(output, $"fuzz seed {seed} (MOSEL_FUZZ_SEED={seed} repeats these cases)");
        using var fixtures = new Scratch();
        string profile = Repo.PathOf("profiles/tvlt.h100-interim.yaml");
        string sweep = Sweep.Replace("{profile}", profile, StringComparison.Ordinal);
        string config = fixtures.File("study.yaml", sweep);
        Run(["simulate", "--config", config, "--out", fixtures.Combine("study")], expectSuccess: true);
        Run(["simulate", "--config", config, "--out", fixtures.Combine("s0"), "--shard", "0/2"], expectSuccess: true);
        Run(["simulate", "--config", config, "--out", fixtures.Combine("s1"), "--shard", "1/2"], expectSuccess: true);

        var random = new Random((int)(seed % int.MaxValue));
        var outcomes = new Dictionary<string, (int Ran, int Refused)>();
        for (int i = 0; i < cases; i++)
        {
            string surface = s_surfaces[i % s_surfaces.Length];
            InputFuzzTests.Mutation[] mutations = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => new InputFuzzTests.Mutation(0, random.Next(7), random.Next(10_000), random.Next(10_000))).ToArray();
            int code = Case(surface, mutations, random, fixtures, sweep, $"case {i} ({surface}, {string.Join("; ", mutations.Select(m => m.ToString()))})");
            (int ran, int refused) = outcomes.GetValueOrDefault(surface);
            outcomes[surface] = code == 0 ? (ran + 1, refused) : (ran, refused + 1);
        }
        foreach ((string surface, (int ran, int refused)) in outcomes)
        {
            FuzzRun.Report(output, $"{surface}: {ran} ran (exit 0), {refused} refused (exit 2)");
        }
        // A surface that is only ever refused (or only ever runs) tests one branch.
        Assert.All(new[] { "sweep", "report", "merge", "safetensors" }, s => Assert.True(outcomes[s].Refused > 0, $"{s}: nothing refused"));
        Assert.True(outcomes["command line"].Refused > 0 && outcomes["command line"].Ran > 0, "command lines: one branch only");
    }

    private static int Case(string surface, InputFuzzTests.Mutation[] mutations, Random random, Scratch fixtures, string sweep, string what)
    {
        using var scratch = new Scratch();
        string outDir = scratch.Combine("out");
        string Mutated(string text) => mutations.Aggregate(text, InputFuzzTests.Apply);
        void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
        string[] args;
        switch (surface)
        {
            case "sweep":
                args = ["simulate", "--config", scratch.File("study.yaml", Mutated(sweep)), "--out", outDir, "--max-events", "200000"];
                break;
            case "report":
            {
                CopyFolder(fixtures.Combine("study"), scratch.Combine("in"));
                string file = new[] { "summary.csv", "aggregate.csv", "summary.json", "config.resolved.yaml", "windows.csv", "job_accuracy.csv" }[random.Next(6)];
                string path = scratch.Combine($"in/{file}");
                File.WriteAllText(path, Mutated(File.ReadAllText(path)));
                what += $" in {file}";
                args = ["report", scratch.Combine("in"), "--out", outDir];
                break;
            }
            case "merge":
            {
                CopyFolder(fixtures.Combine("s0"), scratch.Combine("s0"));
                CopyFolder(fixtures.Combine("s1"), scratch.Combine("s1"));
                string shard = scratch.Combine(random.Next(2) == 0 ? "s0" : "s1");
                string file = new[] { "shard.json", "shard.json", "summary.csv", "windows.csv", "config.resolved.yaml" }[random.Next(5)];
                File.WriteAllText(Path.Combine(shard, file), Mutated(File.ReadAllText(Path.Combine(shard, file))));
                what += $" in {Path.GetFileName(shard)}/{file}";
                args = ["merge", scratch.Combine("s0"), scratch.Combine("s1"), "--out", outDir];
                break;
            }
            case "safetensors":
            {
                byte[] header = Encoding.UTF8.GetBytes(Mutated(SafetensorsHeader));
                var length = new byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                string path = scratch.Combine("w.safetensors");
                File.WriteAllBytes(path, [.. length, .. header, .. new byte[16]]);
                args = ["weights", "names", "-f", path];
                break;
            }
            default:
            {
                // A valid config always listed, dry-run always on: a random command line never starts real work.
                string config = scratch.File("study.yaml", sweep);
                string[] extra = Enumerable.Range(0, random.Next(5)).Select(_ => s_tokens[random.Next(s_tokens.Length)]).ToArray();
                args = random.Next(3) switch
                {
                    0 => ["simulate", "--config", config, "--dry-run", .. extra],
                    1 => ["merge", fixtures.Combine("s0"), .. extra],
                    _ => [s_tokens[random.Next(s_tokens.Length)], .. extra],
                };
                if (args.Contains("--out"))
                {
                    // Whatever follows --out may name a place; keep it inside this case's scratch.
                    int at = Array.IndexOf(args, "--out");
                    args = [.. args[..(at + 1)], outDir, .. args[(at + 1)..]];
                }
                break;
            }
        }
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        TreeSnapshot fixturesBefore = TreeSnapshot.Take(fixtures.Path);
        string cwd = Directory.GetCurrentDirectory();
        (int code, _, string error) = Run(args, expectSuccess: false);
        string because = $"{what}: mosel {string.Join(' ', args)}: exit {code}, stderr: {error}";
        Assert.True(code is 0 or 2, because);
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path, "*.partial-*"));
        Assert.Empty(Directory.GetFileSystemEntries(fixtures.Path, "*.partial-*"));
        Assert.True(code == 0 || !Directory.Exists(outDir), because);
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
        before.AssertUnchanged(because);
        fixturesBefore.AssertUnchanged(because);
        Assert.Equal(cwd, Directory.GetCurrentDirectory());
        return code;
    }

    private static (int Code, string Out, string Error) Run(string[] args, bool expectSuccess)
    {
        (int code, string output, string error) = CliRunner.Run(args);
        if (expectSuccess)
        {
            Assert.True(code == 0, error);
        }
        return (code, output, error);
    }
}
