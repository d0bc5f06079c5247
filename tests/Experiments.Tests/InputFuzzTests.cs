using FsCheck;
using FsCheck.Fluent;

namespace Mosel.Experiments.Tests;

/// <summary>
/// Property: whatever is done to a valid config, profile or trace (keys deleted, duplicated or retyped,
/// extreme numbers, truncation, random bytes), mosel exits 0 or 2, prints at most one line and no stack
/// trace, changes nothing outside --out and leaves no staging folder. A few hundred cases in CI, from a fixed seed
/// (printed; <see cref="FuzzRun"/>); MOSEL_FUZZ_CASES=10000 for a nightly-size run.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private int _ran;
    private int _refused;

    private const string ConfigText = """
        name: fuzz
        profile: profile.yaml
        policies: [none, dynamic]
        seeds: [1]
        workload:
          arrivals: trace
          trace: {file: trace.txt, format: time_value, smooth_s: 2}
          loads_qps: [20, 60]
          slack_ms: 55
          job_size: {distribution: normal, mean: 1, std: 6, max: 32}
          accuracy_target: {min: 0.6, max: 0.7, per: run}
        scheduler: {workers: 1, grace_ms: 12, decision_time: none, margin: 0.91}
        executor: {noise_cv: 0.1, estimate_factor: 1.0}
        output: {window_s: 4, job_records: true}
        """;

    private const string ProfileText = """
        model: m
        modalities: [audio, video]
        accuracy:
          unit: fraction
          values: {audio+video: 0.74, audio: 0.72, video: 0.66}
        latency:
          fp32:
            audio+video: {batch_sizes: [1, 2, 32], latency_ms: [15, 29, 411]}
            audio: {batch_sizes: [1, 2, 32], latency_ms: [5, 7, 12]}
            video: {batch_sizes: [1, 2, 32], latency_ms: [12, 22, 283]}
        """;

    private const string TraceText = "0 10\n5 30\n10 20\n15 25\n";

    private static readonly string[] s_values =
    [
        "", "~", "null", "[]", "{}", "abc", "-1", "0", "1", "0.5", "1e300", "-1e300", "1e-300", ".inf", "-.inf", ".nan",
        "2147483648", "99999999999", "[1, x]", "\"\"", "[", "{a: 1}", "true", "[0, 1e300]", "'", "1e9", "-0", "0x10",
    ];

    /// <summary>One edit: which file, what kind, where, and which replacement value.</summary>
    public sealed record Mutation(int File, int Kind, int Position, int Pick);

    private static readonly Gen<Mutation[]> s_mutations =
        (from file in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
         from kind in Gen.Choose(0, 6)
         from position in Gen.Choose(0, 10_000)
         from pick in Gen.Choose(0, 10_000)
         select new Mutation(file, kind, position, pick)).ArrayOf().Where(m => m.Length is > 0 and <= 4);

    [Fact]
    public void MutatedInputsAreRunOrRefusedCleanly()
    {
        int cases = FuzzRun.Cases;
        ulong seed = FuzzRun.Seed;
        FuzzRun.Report(output, $"fuzz seed {seed} (MOSEL_FUZZ_SEED={seed} repeats these cases)");
        Prop.ForAll(Arb.From(s_mutations), (Func<Mutation[], bool>)Holds)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true)
                .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None))));
        FuzzRun.Report(output, $"config, profile, trace: {cases} cases: {_ran} ran (exit 0), {_refused} refused (exit 2)");
        // A fuzz that only ever sees refusals (or only successes) tests one branch: both must be common.
        Assert.True(_ran > cases / 100 && _refused > cases / 100, $"{_ran} ran, {_refused} refused of {cases}");
    }

    private bool Holds(Mutation[] mutations)
    {
        using var scratch = new Scratch();
        string[] texts = [ConfigText, ProfileText, TraceText];
        foreach (Mutation m in mutations)
        {
            texts[m.File] = Apply(texts[m.File], m);
        }
        scratch.File("config.yaml", texts[0]);
        scratch.File("profile.yaml", texts[1]);
        scratch.File("trace.txt", texts[2]);
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        string outDir = scratch.Combine("results");

        (int code, _, string error) = CliRunner.Run("simulate", "--config", scratch.Combine("config.yaml"), "--out", outDir, "--max-events", "200000");

        _ = code == 0 ? Interlocked.Increment(ref _ran) : Interlocked.Increment(ref _refused);
        string because = $"mutations {string.Join("; ", mutations.Select(m => m.ToString()))}: exit {code}, stderr: {error}";
        Assert.True(code is 0 or 2, because);
        // One line per mistake, each a plain "error: ..." line (a config with several mistakes gets several).
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
        Assert.True(code == 0 || !Directory.Exists(outDir), because);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path, "*.partial-*"));
        // Only the results folder is new; every input is as it was.
        foreach (string dir in Directory.GetDirectories(scratch.Path))
        {
            Assert.Equal(outDir, dir);
        }
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
        before.AssertUnchanged(because);
        return true;
    }

    /// <summary>One edit of a text: delete, duplicate or swap a line, retype a value, replace a number, truncate, insert random bytes.</summary>
    internal static string Apply(string text, Mutation m)
    {
        string[] lines = text.Split('\n');
        int line = m.Position % lines.Length;
        string value = s_values[m.Pick % s_values.Length];
        switch (m.Kind)
        {
            case 0: // delete a line
                return string.Join('\n', lines.Where((_, i) => i != line));
            case 1: // duplicate a line
                return string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            case 2: // retype the value after a key
                int colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    lines[line] = lines[line][..(colon + 1)] + " " + value;
                }
                return string.Join('\n', lines);
            case 3: // replace a number anywhere on the line
                lines[line] = System.Text.RegularExpressions.Regex.Replace(lines[line], @"-?\d+(\.\d+)?", value, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                return string.Join('\n', lines);
            case 4: // truncate
                return text[..(m.Position % (text.Length + 1))];
            case 5: // random bytes
                var random = new Random(m.Pick);
                char[] noise = Enumerable.Range(0, 1 + (m.Pick % 16)).Select(_ => (char)random.Next(0, 256)).ToArray();
                int at = m.Position % (text.Length + 1);
                return text[..at] + new string(noise) + text[at..];
            default: // swap two lines
                int other = m.Pick % lines.Length;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
        }
    }
}
