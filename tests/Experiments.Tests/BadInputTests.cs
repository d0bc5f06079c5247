namespace Mosel.Experiments.Tests;

/// <summary>Every kind of bad input: a non-zero exit, one line naming the file and key or line, no results folder.</summary>
public sealed class BadInputTests
{
    private static string ValidConfig(string profile, string trace) => $"""
        name: bad-input
        profile: {profile}
        policies: [none, fp16]
        workload:
          arrivals: trace
          trace:
            file: {trace}
            format: time_value
          loads_qps: [40]
          accuracy_target: {"{"}min: 0.6, max: 0.7{"}"}
        """;

    private static string ProfileYaml(string audioLatencies = "[5, 7, 12]", bool withVideo = true) => $"""
        model: m
        modalities: [audio, video]
        accuracy:
          values: {"{"}audio+video: 0.74, audio: 0.72{(withVideo ? ", video: 0.66" : "")}{"}"}
        latency:
          fp32:
            audio+video: {"{"}batch_sizes: [1, 2, 32], latency_ms: [15, 29, 411]{"}"}
            audio: {"{"}batch_sizes: [1, 2, 32], latency_ms: {audioLatencies}{"}"}
            video: {"{"}batch_sizes: [1, 2, 32], latency_ms: [12, 22, 283]{"}"}
          fp16:
            audio+video: {"{"}batch_sizes: [1, 2, 32], latency_ms: [6, 6, 43]{"}"}
            audio: {"{"}batch_sizes: [1, 2, 32], latency_ms: [4, 4, 8]{"}"}
            video: {"{"}batch_sizes: [1, 2, 32], latency_ms: [4, 4, 31]{"}"}
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // name, what to break (" && "-separated steps), expected fragments ("|"-separated) of the one error line
        { "unknown key", "config:workload:\n  arrivalz: trace", "config.yaml:|unknown key 'arrivalz'" },
        { "unknown top-level key", "append:colour: red", "config.yaml:|unknown key 'colour'" },
        { "missing required key", "drop:profile", "config.yaml: profile: missing required key" },
        { "negative qps", "replace:loads_qps: [40]=>loads_qps: [-5]", "config.yaml: workload.loads_qps[0]:|positive" },
        { "trace with a negative value", "trace:0 100\n10 -3\n", "trace.txt:2:|non-negative" },
        { "trace with NaN", "trace:0 100\n10 NaN\n", "trace.txt:2:|finite" },
        { "trace with text", "trace:0 100\n10 lots\n", "trace.txt:2:|not a number" },
        { "profile missing a configuration", "profile-no-video", "profile.yaml: accuracy: missing configuration 'video'" },
        { "decreasing latency table", "profile-decreasing", "profile.yaml: latency.fp32.audio.latency_ms[1]:|decreases" },
        { "accuracy target above 1", "replace:max: 0.7=>max: 1.5", "config.yaml: workload.accuracy_target.max:|[0, 1]" },
        { "accuracy target below 0", "replace:min: 0.6=>min: -0.1", "config.yaml: workload.accuracy_target.min:|[0, 1]" },
        { "infeasible accuracy target", "replace:[none, fp16]=>[none, dynamic]|max: 0.7=>max: 0.742", "config.yaml: workload.accuracy_target.max: infeasible accuracy target: 0.742|audio+video: 0.74" },
        { "value of the wrong type", "replace:loads_qps: [40]=>loads_qps: [40]\n  slack_ms: soon", "config.yaml:10: workload.slack_ms: expected a number, found 'soon'" },
        { "unknown policy", "replace:[none, fp16]=>[none, magic]", "config.yaml: policies: unknown policy 'magic'" },
        { "malformed yaml", "append:workload: [unclosed", "config.yaml:" },
        { "missing trace file", "replace:trace.txt=>nowhere.txt", "nowhere.txt: trace file not found" },
        { "unknown trace format", "replace:format: time_value=>format: weekly", "config.yaml: workload.trace.format: unknown format 'weekly'" },

        // Empty values are errors, never a silent 0 or null.
        { "empty seeds", "append:seeds:", "config.yaml:11: seeds: empty value (expected a whole number or a list of them" },
        { "empty section", "append:scheduler:", "config.yaml:11: scheduler: expected a mapping of keys, found an empty value" },
        { "empty slack", "replace:loads_qps: [40]=>loads_qps: [40]\n  slack_ms:", "config.yaml:10: workload.slack_ms: empty value (expected a number" },
        { "null accuracy target", "replace:accuracy_target: {min: 0.6, max: 0.7}=>accuracy_target: null", "workload.accuracy_target: expected a mapping of keys, found an empty value" },
        { "empty job size", "replace:loads_qps: [40]=>loads_qps: [40]\n  job_size: ~", "workload.job_size: expected a mapping of keys, found an empty value" },
        { "key given twice", "append:policies: [none]", "config.yaml:|twice" },
        { "wrong type in a list", "append:seeds: [1, x]", "config.yaml:11: seeds[1]: expected a whole number, found 'x'" },
        { "mapping for a number", "replace:loads_qps: [40]=>loads_qps: [40]\n  slack_ms: {a: 1}", "workload.slack_ms: expected a number, found a mapping" },
        { "list for a single value", "append:description: [a, b]", "config.yaml:11: description: expected a single value, found a list" },
        { "name given twice", "append:name: again", "config.yaml:11:1: a key is given twice in one mapping" },
        { "unclosed bracket", "append:seeds: [1, 2", "config.yaml:" },
        { "unclosed quote", "append:name: \"open", "config.yaml:" },

        // Bounds: checked before anything runs, so nothing allocates 2^31 items.
        { "two billion workers", "append:scheduler: {workers: 2000000000}", "scheduler.workers: must be in [1, 1024]" },
        { "infinite estimate noise", "append:executor: {estimate_noise_cv: .inf}", "executor.estimate_noise_cv: must be in [0, 10]" },
        { "huge service noise", "append:executor: {noise_cv: 1e300}", "executor.noise_cv: must be in [0, 10]" },
        { "tiny metric window", "append:output: {window_s: 1e-7}", "output.window_s: must be in [0.001," },
        { "huge decision time", "append:scheduler: {decision_time: fixed, decision_time_ms: 1e300}", "scheduler.decision_time_ms: must be in [0, 60000]" },
        { "tiny monitor interval", "append:scheduler: {monitor_interval_ms: 1e-9}", "scheduler.monitor_interval_ms: must be 0 (off) or in [0.01," },
        { "a billion requests per second", "replace:loads_qps: [40]=>loads_qps: [1e9]", "config.yaml: a run at 1000000000 req/s would take about 3.01e10 events|--force" },
        { "unscaled huge trace value", "replace:loads_qps: [40]=>slack_ms: 55 && trace:0 100\n10 1e300\n", "config.yaml: a run would take about|events" },
        { "huge qps range", "replace:loads_qps: [40]=>slack_ms: 55|format: time_value=>format: time_value\n    qps_range: [0, 1e300]", "config.yaml: a run would take about" },
        { "poisson for 1e12 seconds", "poisson:duration_s: 1e12", "config.yaml: workload.duration_s: must be in (0, 31622400] s" },
        { "trace line far in the future", "trace:0 1\n1e12 10\n", "trace.txt:2:|spans|366 days" },
        { "timestamps over years", "replace:format: time_value=>format: timestamps && trace:timestamp\n0001-01-01 00:00:00.0\n9999-01-01 00:00:00.0\n", "trace.txt:3:|spans" },
        { "hourly data to year 9999", "replace:format: time_value=>format: per_hour && trace:2020-01-01 00:00:00;5\n9999-01-01 00:00:00;5\n", "trace.txt:2:|spans" },
        { "truncated gzip trace", "gzip-truncated", "trace.txt.gz: truncated or corrupt gzip file" },
        { "gzip of garbage", "gzip-garbage", "trace.txt.gz:1:" },
        { "not gzip at all", "gzip-plain", "trace.txt.gz: not a gzip file" },

        // Sweeps: the sweep's own mistakes name sweep.grid / sweep.zip; a point's mistakes name the point.
        { "sweep of an unknown key", "append:sweep: {grid: {executor.estimate_facter: [0.5, 1]}}", "config.yaml (sweep point executor.estimate_facter=0.5): executor.estimate_facter: unknown key 'estimate_facter'" },
        { "bad value at one sweep point", "append:sweep: {grid: {executor.estimate_factor: [1, -2]}}", "config.yaml (sweep point executor.estimate_factor=-2): executor.estimate_factor: must be in" },
        { "zip lists of unequal length", "append:sweep: {zip: {workload.slack_ms: [17, 55], executor.estimate_factor: [1]}}", "config.yaml: sweep.zip.executor.estimate_factor: zip lists go in step|found 1" },
        { "sweep value listed twice", "append:sweep: {grid: {workload.slack_ms: [17, 17.0]}}", "config.yaml: sweep: points 'workload.slack_ms=17' and 'workload.slack_ms=17' are the same point; list each once" },
        { "sweep values 0 and -0", "append:sweep: {grid: {workload.slack_ms: [0, -0]}}", "config.yaml: sweep: points 'workload.slack_ms=0' and 'workload.slack_ms=0' are the same point" },
        { "sweep value with spaces", "append:sweep: {grid: {scheduler.engine: [ideal, \"ideal \"]}}", "config.yaml: sweep: points 'scheduler.engine=ideal' and 'scheduler.engine=ideal' are the same point" },
        { "one profile spelt two ways", "append:sweep: {grid: {profile: [profile.yaml, ./profile.yaml]}}", "config.yaml: sweep: points 'profile=profile.yaml' and 'profile=./profile.yaml' resolve to the same settings; list each once" },
        { "zip rows that are the same point", "append:sweep: {zip: {workload.slack_ms: [17, 17], workload.accuracy_target.min: [0.6, 0.6]}}", "config.yaml: sweep: points|are the same point" },
        { "empty sweep list", "append:sweep: {grid: {workload.slack_ms: []}}", "config.yaml: sweep.grid.workload.slack_ms: list at least one value" },
        { "empty value in a sweep list", "append:sweep: {grid: {workload.slack_ms: [17, ~]}}", "config.yaml:11: sweep.grid.workload.slack_ms[1]: empty value" },
        { "sweep with no keys", "append:sweep: {grid: {}}", "config.yaml: sweep: list at least one key" },
        { "sweep of the study's name", "append:sweep: {grid: {name: [a, b]}}", "config.yaml: sweep.grid.name: a key of the study as a whole" },
        { "sweep of the records' format", "append:sweep: {grid: {output.records_format: [csv, csv.gz]}}", "sweep.grid.output.records_format: a key of the study as a whole" },
        { "a key both zipped and gridded", "append:sweep: {grid: {workload.slack_ms: [17]}, zip: {workload.slack_ms: [55]}}", "config.yaml: sweep.zip.workload.slack_ms: the key is also under grid" },
        { "sweep through a number", "append:sweep: {grid: {workload.slack_ms.x: [1]}}", "config.yaml (sweep point workload.slack_ms.x=1): 'workload.slack_ms.x=1': 'workload.slack_ms' is not a mapping" },

        // Profiles.
        { "huge batch size", "profile-replace:audio+video: {batch_sizes: [1, 2, 32]=>audio+video: {batch_sizes: [1, 2, 2147483647]", "profile.yaml: latency.fp32.audio+video.batch_sizes[2]: batch size must be in [1, 65536]" },
        { "null latency table", "profile-replace:audio: {batch_sizes: [1, 2, 32], latency_ms: [5, 7, 12]}=>audio: null", "profile.yaml:8: latency.fp32.audio: expected a mapping of keys, found an empty value" },
        { "null accuracy", "profile-replace:audio: 0.72=>audio: null", "profile.yaml:|accuracy.values.audio: empty value" },
        { "one configuration named twice", "profile-replace:  fp16:\n=>    video+audio: {batch_sizes: [1], latency_ms: [1]}\n  fp16:\n", "profile.yaml: latency.fp32.video+audio: names the same configuration as 'audio+video'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputFailsWithOneClearLineAndNoResults(string name, string breakage, string expected)
    {
        using var scratch = new Scratch();
        string trace = scratch.File("trace.txt", "0 100\n10 200\n20 150\n");
        string profileText = breakage switch
        {
            "profile-no-video" => ProfileYaml(withVideo: false),
            "profile-decreasing" => ProfileYaml(audioLatencies: "[5, 4, 12]"),
            _ => ProfileYaml(),
        };
        string config = ValidConfig("profile.yaml", "trace.txt");
        foreach (string step in breakage.Split(" && "))
        {
            string[] parts = step.Split(':', 2);
            switch (parts[0])
            {
                case "config":
                    config = config.Replace("workload:\n  arrivals: trace", parts[1], StringComparison.Ordinal);
                    break;
                case "append":
                    config += "\n" + parts[1] + "\n";
                    break;
                case "drop":
                    config = string.Join('\n', config.Split('\n').Where(l => !l.StartsWith(parts[1] + ":", StringComparison.Ordinal)));
                    break;
                case "replace":
                    config = Replace(config, parts[1]);
                    break;
                case "profile-replace":
                    profileText = Replace(profileText, parts[1]);
                    break;
                case "poisson":
                    config = $"profile: profile.yaml\npolicies: [none]\nworkload:\n  arrivals: poisson\n  loads_qps: [10]\n  {parts[1]}\n";
                    break;
                case "trace":
                    File.WriteAllText(trace, parts[1]);
                    break;
                case "gzip-truncated" or "gzip-garbage" or "gzip-plain":
                    byte[] content = parts[0] switch
                    {
                        "gzip-truncated" => Gzip(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i} {100 + (i % 7)}\n")))[..400],
                        "gzip-garbage" => Gzip(Enumerable.Range(0, 300).Select(i => (byte)((i * 37) + 1)).ToArray()),
                        _ => System.Text.Encoding.UTF8.GetBytes("0 100\n10 200\n"),
                    };
                    File.WriteAllBytes(scratch.Combine("trace.txt.gz"), content);
                    config = config.Replace("file: trace.txt", "file: trace.txt.gz", StringComparison.Ordinal);
                    break;
            }
        }
        scratch.File("profile.yaml", profileText);
        string configPath = scratch.File("config.yaml", config);
        string outDir = scratch.Combine("results");
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);

        (int code, _, string error) = CliRunner.Run("simulate", "--config", configPath, "--out", outDir);

        Assert.True(code == 2, $"{name}: exit code {code}: {error}");
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{name}: expected one error line, got:\n{error}");
        foreach (string fragment in expected.Split('|'))
        {
            Assert.True(lines[0].Contains(fragment, StringComparison.Ordinal), $"{name}: '{fragment}' is not in: {lines[0]}");
        }
        Assert.DoesNotContain("System.", lines[0]);
        Assert.DoesNotContain("Operation is not valid", lines[0]);
        Assert.False(lines[0].Any(c => char.IsControl(c) || c == '\uFFFD'), $"{name}: raw bytes in the message: {lines[0]}");
        before.AssertUnchanged(name);
    }

    [Fact]
    public void ASingleValueWhereAListIsMeantIsAOneElementList()
    {
        using var scratch = new Scratch();
        scratch.File("trace.txt", "0 100\n10 200\n");
        scratch.File("profile.yaml", ProfileYaml());
        string configPath = scratch.File("config.yaml", ValidConfig("profile.yaml", "trace.txt").Replace("[none, fp16]", "fp16", StringComparison.Ordinal) + "\nseeds: 3\n");
        Configuration.ExperimentConfig config = Configuration.ConfigLoader.Load(configPath, ["workload.loads_qps=25"]);
        Assert.Equal(["fp16"], config.Policies);
        Assert.Equal([3], config.Seeds);
        Assert.Equal([25.0], config.Loads);
    }

    [Fact]
    public void AGarbageWeightsFileIsOneLineBeforeAnythingIsWritten()
    {
        using var scratch = new Scratch();
        string weights = scratch.File("weights.bin", new string('x', 4096));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/torch-cpu-smoke.yaml"),
            "--out", scratch.Combine("results"), "--set", $"executor.weights={weights}");
        Assert.True(code == 2, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("executor.weights:", error);
        before.AssertUnchanged("garbage weights");
    }

    [Theory]
    [InlineData("experiments/configs/torch-cpu-smoke.yaml", "tests/data/digits-sample", "executor.dataset: a digits dataset feeds the av-digits model, but the profile is 'tvlt'")]
    [InlineData("experiments/configs/smoke.yaml", "tests/data/digits-sample", "executor.dataset: scores real predictions, so it needs executor.kind: torch")]
    public void ADatasetOnlyScoresTheDigitsModelInATorchRun(string config, string dataset, string message)
    {
        using var scratch = new Scratch();
        (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf(config), "--out", scratch.Combine("results"),
            "--set", $"executor.dataset={Repo.PathOf(dataset)}");
        Assert.True(code == 2, error);
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    [Fact]
    public void AStrategyGridTooFineIsRefused()
    {
        using var scratch = new Scratch();
        (int code, _, string error) = CliRunner.Run("strategies", "--profile", Repo.PathOf("profiles/tvlt.h100-interim.yaml"), "--out", scratch.Combine("s.csv"), "--step", "1e-9");
        Assert.Equal(2, code);
        Assert.Contains("--step: must be in [", error);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("simulate", "0")]
    [InlineData("reproduce", "-2")]
    public void ANumberOfJobsBelowOneIsRefusedBeforeAnythingRuns(string command, string jobs)
    {
        using var scratch = new Scratch();
        string[] config = command == "simulate" ? ["--config", Repo.PathOf("experiments/configs/smoke.yaml")] : ["--quick"];
        (int code, _, string error) = CliRunner.Run([command, .. config, "--out", scratch.Combine("r"), "--jobs", jobs]);
        Assert.Equal(2, code);
        Assert.Equal($"error: --jobs: must be in [1, 1024], found {jobs}", error.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    private static string Replace(string text, string replacements)
    {
        foreach (string replacement in replacements.Split('|'))
        {
            string[] fromTo = replacement.Split("=>");
            Assert.Contains(fromTo[0], text);
            text = text.Replace(fromTo[0], fromTo[1], StringComparison.Ordinal);
        }
        return text;
    }

    private static byte[] Gzip(string text) => Gzip(System.Text.Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }
        return memory.ToArray();
    }

    [Fact]
    public void YamlNestedTensOfThousandsDeepIsOneLineNotAStackOverflow()
    {
        // The YAML parser recurses per level: 70,000 brackets would overflow the stack and kill the process.
        using var scratch = new Scratch();
        scratch.File("trace.txt", "0 100\n10 200\n");
        string deep = new string('[', 70_000) + new string(']', 70_000);
        scratch.File("profile.yaml", ProfileYaml());
        string config = scratch.File("config.yaml", ValidConfig("profile.yaml", "trace.txt"));
        string deepConfig = scratch.File("deep.yaml", ValidConfig("profile.yaml", "trace.txt") + $"\ndescription: {deep}\n");
        string deepProfile = scratch.File("deep-profile.yaml", ProfileYaml().Replace("model: m", "model: " + new string('{', 70_000), StringComparison.Ordinal));
        foreach ((string[] args, string expected) in new[]
        {
            (new[] { "simulate", "--config", deepConfig }, "deep.yaml: nested more than 64 levels deep"),
            (new[] { "simulate", "--config", config, "--set", $"profile={deepProfile}" }, "deep-profile.yaml: nested more than 64 levels deep"),
            (new[] { "simulate", "--config", config, "--set", $"seeds={deep}" }, "(with --set): 'seeds=[[[["),
            // 40 levels left open on one line and 40 more opened and closed on the next: 80 deep, though no line alone is.
            (new[] { "simulate", "--config", scratch.File("split.yaml", ValidConfig("profile.yaml", "trace.txt")
                + $"\ndescription: {new string('[', 40)}\n  {new string('[', 40)}{new string(']', 40)}\n  {new string(']', 40)}\n") }, "split.yaml: nested more than 64 levels deep"),
        })
        {
            (int code, _, string error) = CliRunner.Run([.. args, "--out", scratch.Combine("r")]);
            Assert.Equal(2, code);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.Contains("nested more than 64 levels deep", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(scratch.Combine("r")));
        }
    }

    [Fact]
    public void ControlCharactersFromAConfigNeverReachTheTerminal()
    {
        // A key that would clear the screen and set the window title: quoted as '?' like trace lines, in the one error line.
        using var scratch = new Scratch();
        scratch.File("trace.txt", "0 100\n10 200\n");
        scratch.File("profile.yaml", ProfileYaml());
        string config = scratch.File("config.yaml", ValidConfig("profile.yaml", "trace.txt") + "\n\"\\e[2J\\e]0;pwned\\a\": 1\n");
        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("r"));
        Assert.Equal(2, code);
        Assert.Contains("unknown key '?[2J?]0;pwned?'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error.TrimEnd('\n'), char.IsControl);
    }

    [Fact]
    public void AStudyOrAProfileTooBigToRunIsRefusedBeforeAnythingIsSetUp()
    {
        using var scratch = new Scratch();
        scratch.File("trace.txt", "0 100\n10 200\n");
        scratch.File("profile.yaml", ProfileYaml());
        string many = string.Join(", ", Enumerable.Range(1, 10_000));
        // 10,000 points x 10,000 seeds: refused at once, before 10,000 points are validated or 1e8 runs listed.
        string big = scratch.File("big.yaml", ValidConfig("profile.yaml", "trace.txt") + $"\nseeds: [{many}]\nsweep: {{grid: {{workload.slack_ms: [{many}]}}}}\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (int code, _, string error) = CliRunner.Run("simulate", "--config", big, "--dry-run");
        Assert.Equal(2, code);
        Assert.Contains("big.yaml: the study has 200000000 runs (sweep points x policies x loads x seeds), more than 1,000,000", error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed.TotalSeconds < 60, $"took {clock.Elapsed.TotalSeconds:0} s");

        // A latency of 1e300 ms: the run's windows would reach past the last arrival for ever (it ran out of memory).
        scratch.File("slow.yaml", ProfileYaml().Replace("latency_ms: [15, 29, 411]", "latency_ms: [1e300, 1e300, 1e300]", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("simulate", "--config", scratch.File("c.yaml", ValidConfig("slow.yaml", "trace.txt")), "--out", scratch.Combine("r"));
        Assert.Equal(2, code);
        Assert.Contains("c.yaml: a run at 40 req/s would take about", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Combine("r")));

        (code, _, error) = CliRunner.Run("profile", "--model", "tvlt", "--scale", "tiny", "--out", scratch.Combine("p.yaml"), "--runs", "2147483647");
        Assert.Equal(2, code);
        Assert.Equal("error: --runs must be in [1, 10000] and --warmups in [0, 10000], found 2147483647 and 3", error.TrimEnd('\n'));
    }

    [Fact]
    public void SetOverridesAreCheckedLikeTheFile()
    {
        using var scratch = new Scratch();
        scratch.File("trace.txt", "0 100\n10 200\n");
        scratch.File("profile.yaml", ProfileYaml());
        string configPath = scratch.File("config.yaml", ValidConfig("profile.yaml", "trace.txt"));
        (int code, _, string error) = CliRunner.Run("simulate", "--config", configPath, "--out", scratch.Combine("r"), "--set", "workload.slack_mss=3");
        Assert.NotEqual(0, code);
        Assert.Contains("unknown key 'slack_mss'", error);
        Assert.Contains("--set", error);
    }
}
