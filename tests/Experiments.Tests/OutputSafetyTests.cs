namespace Mosel.Experiments.Tests;

/// <summary>
/// Mosel never deletes or overwrites what it did not create: every way a run name or --out could point at
/// someone else's files is refused with one line and exit 2, and every file that was there stays byte for byte.
/// </summary>
public sealed class OutputSafetyTests
{
    private static string SmokeConfig(Scratch scratch, string? name = "safe") => scratch.File("config.yaml", $"""
        {(name is null ? "" : $"name: {name}")}
        profile: {Repo.PathOf("profiles/tvlt.h100-interim.yaml")}
        policies: [fp16]
        workload:
          arrivals: poisson
          loads_qps: [20]
          duration_s: 5
        output: {"{"}job_records: false{"}"}
        """);

    /// <summary>A scratch tree with someone's files in it, including an earlier results/ folder.</summary>
    private static Scratch Populated()
    {
        var scratch = new Scratch();
        scratch.File("mine.txt", "my notes\n");
        scratch.File("src/code.cs", "class Code {}\n");
        scratch.File("results/earlier/summary.csv", "run,policy\n0,none\n");
        scratch.File("results/other.txt", "keep me\n");
        return scratch;
    }

    public static TheoryData<string, string[], string> RefusedTargets => new()
    {
        // case, simulate arguments after --config ({root} is the scratch folder), expected fragment
        { "name: ..", ["--set", "name=.."], "name: '..' is not a plain name" },
        { "name: .", ["--set", "name=."], "name: '.' is not a plain name" },
        { "empty name", ["--set", "name=\"\""], "name: empty value" },
        { "absolute name", ["--set", "name={root}"], "is not a plain name" },
        { "name with a slash", ["--set", "name=a/../../x"], "is not a plain name" },
        { "--out an existing folder Mosel did not create", ["--out", "{root}/results"], "exists and is not a Mosel results folder; choose another --out" },
        { "--out the scratch root", ["--out", "{root}"], "exists and is not a Mosel results folder" },
        { "--out a file", ["--out", "{root}/mine.txt"], "exists and is a file" },
        { "--out the file-system root", ["--out", "/"], "is the file-system root" },
        { "--out the working directory", ["--out", "{cwd}"], "is the working directory or one of its parents" },
        { "--out a parent of the working directory", ["--out", "{cwd}/.."], "is the working directory or one of its parents" },
        { "--out the repository (an ancestor of the tests' working directory)", ["--out", "{repo}"], "or one of its parents" },
        { "--out the home folder", ["--out", "{home}"], "is your home folder" },
    };

    [Theory]
    [MemberData(nameof(RefusedTargets))]
    public void AnOutputMoselDidNotCreateIsRefusedAndLeftAlone(string name, string[] arguments, string expected)
    {
        using Scratch scratch = Populated();
        string config = SmokeConfig(scratch);
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        string[] args = ["simulate", "--config", config, .. arguments.Select(a => a
            .Replace("{root}", scratch.Path, StringComparison.Ordinal)
            .Replace("{cwd}", Directory.GetCurrentDirectory(), StringComparison.Ordinal)
            .Replace("{repo}", Repo.Root, StringComparison.Ordinal)
            .Replace("{home}", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), StringComparison.Ordinal))];

        (int code, _, string error) = CliRunner.Run(args);

        Assert.True(code == 2, $"{name}: exit {code}, {error}");
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(error.Contains(expected, StringComparison.Ordinal), $"{name}: '{expected}' is not in: {error}");
        before.AssertUnchanged(name);
    }

    [Fact]
    public void AConfigFileWhoseNameIsNotPlainNeedsAName()
    {
        using Scratch scratch = Populated();
        File.Move(SmokeConfig(scratch, name: null), scratch.Combine("my config.yaml"));
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        (int code, _, string error) = CliRunner.Run("simulate", "--config", scratch.Combine("my config.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("name: the config file's name 'my config' is not a plain run name", error);
        before.AssertUnchanged("config file name with a space");
    }

    [Fact]
    public void AMoselResultsFolderIsReplacedAndNothingBesideItIsTouched()
    {
        using Scratch scratch = Populated();
        string config = SmokeConfig(scratch);
        string target = scratch.Combine("results/safe");
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        Assert.Equal(0, CliRunner.Run("simulate", "--config", config, "--out", target).ExitCode);
        string firstMarker = File.ReadAllText(Path.Combine(target, ".mosel-results"));
        File.WriteAllText(Path.Combine(target, "stale.csv"), "from the first run\n");

        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", target);

        Assert.True(code == 0, error);
        Assert.False(File.Exists(Path.Combine(target, "stale.csv")), "the earlier results folder was not replaced");
        Assert.NotEqual(firstMarker, File.ReadAllText(Path.Combine(target, ".mosel-results")));
        Assert.True(File.Exists(Path.Combine(target, "summary.csv")));
        before.AssertKept("replacing a Mosel results folder");
        Assert.Equal(["earlier", "safe"], Directory.GetDirectories(scratch.Combine("results")).Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void StaleStagingOfAnEndedProcessIsRemovedOnlyWhenMoselMadeIt()
    {
        using Scratch scratch = Populated();
        string config = SmokeConfig(scratch);
        string target = scratch.Combine("results/safe");
        int ended = EndedProcess.Id();
        string stale = $"{target}.partial-{ended}";
        scratch.File($"results/safe.partial-{ended}/.mosel-results", "run_id: x\n");
        scratch.File($"results/safe.partial-{ended}/jobs.00000.part", "half a run\n");
        scratch.File($"results/safe.partial-{ended + 1}/yours.txt", "not Mosel's\n");

        (int code, _, string error) = CliRunner.Run("simulate", "--config", config, "--out", target);

        Assert.True(code == 0, error);
        Assert.False(Directory.Exists(stale), "a stale Mosel staging folder was left");
        Assert.True(File.Exists(scratch.Combine($"results/safe.partial-{ended + 1}/yours.txt")), "a folder without the marker was deleted");
    }

    [Fact]
    public void ProfileAndStrategyFilesAreReplacedOnlyWhenMoselWroteThem()
    {
        using Scratch scratch = Populated();
        string foreign = scratch.File("table.csv", "size,mine\n1,2\n");
        TreeSnapshot before = TreeSnapshot.Take(scratch.Path);
        string profile = Repo.PathOf("profiles/tvlt.h100-interim.yaml");

        (int code, _, string error) = CliRunner.Run("strategies", "--profile", profile, "--out", foreign);
        Assert.Equal(2, code);
        Assert.Contains("exists and was not written by Mosel; choose another --out", error);
        (code, _, error) = CliRunner.Run("profile", "--model", "tvlt", "--scale", "tiny", "--out", scratch.Combine("mine.txt"));
        Assert.Equal(2, code);
        Assert.Contains("exists and was not written by Mosel", error);
        before.AssertUnchanged("refused file outputs");

        string ours = scratch.Combine("strategies.csv");
        Assert.Equal(0, CliRunner.Run("strategies", "--profile", profile, "--out", ours, "--step", "0.05").ExitCode);
        Assert.Equal(0, CliRunner.Run("strategies", "--profile", profile, "--out", ours, "--step", "0.01").ExitCode);
        Assert.StartsWith("size,target,count_", File.ReadAllText(ours), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(scratch.Path, "*.partial-*"));
    }
}
