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
        // name, what to break, expected fragments ("|"-separated) of the one error line
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
        { "value of the wrong type", "replace:loads_qps: [40]=>loads_qps: [40]\n  slack_ms: soon", "config.yaml:|invalid value: The input string 'soon'" },
        { "unknown policy", "replace:[none, fp16]=>[none, magic]", "config.yaml: policies: unknown policy 'magic'" },
        { "malformed yaml", "append:workload: [unclosed", "config.yaml:" },
        { "missing trace file", "replace:trace.txt=>nowhere.txt", "nowhere.txt: trace file not found" },
        { "unknown trace format", "replace:format: time_value=>format: weekly", "config.yaml: workload.trace.format: unknown format 'weekly'" },
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
        string profile = scratch.File("profile.yaml", profileText);
        string config = ValidConfig("profile.yaml", "trace.txt");
        string[] parts = breakage.Split(':', 2);
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
                foreach (string replacement in parts[1].Split('|'))
                {
                    string[] fromTo = replacement.Split("=>");
                    Assert.Contains(fromTo[0], config);
                    config = config.Replace(fromTo[0], fromTo[1], StringComparison.Ordinal);
                }
                break;
            case "trace":
                File.WriteAllText(trace, parts[1]);
                break;
        }
        string configPath = scratch.File("config.yaml", config);
        string outDir = scratch.Combine("results");

        (int code, _, string error) = CliRunner.Run("simulate", "--config", configPath, "--out", outDir);

        Assert.True(code != 0, $"{name}: exit code 0");
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{name}: expected one error line, got:\n{error}");
        foreach (string fragment in expected.Split('|'))
        {
            Assert.Contains(fragment, lines[0]);
        }
        Assert.False(Directory.Exists(outDir), $"{name}: a results folder was left behind");
        Assert.Empty(Directory.GetDirectories(scratch.Path));
        _ = profile;
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
