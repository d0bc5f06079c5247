namespace Mosel.Experiments.Tests;

/// <summary>A command line the parser rejects is one line naming the option or argument and what it expects, exit 2: no help dump, no .NET type names.</summary>
public sealed class CommandLineParseTests
{
    public static TheoryData<string[], string> Rejected => new()
    {
        { ["simulate", "-c", "x.yaml", "--jobs", "abc"], "error: --jobs: expected a whole number, found 'abc' (see mosel simulate --help)" },
        { ["simulate", "-c", "x.yaml", "--jobs", "1.5"], "error: --jobs: expected a whole number, found '1.5' (see mosel simulate --help)" },
        { ["simulate", "-c", "x.yaml", "--jobs"], "error: --jobs: needs a whole number after it (see mosel simulate --help)" },
        { ["simulate", "--jobs", "2"], "error: --config: required: a file (see mosel simulate --help)" },
        { ["simulate", "-c", "x.yaml", "--bogus"], "error: unknown option or argument '--bogus' (see mosel simulate --help)" },
        { ["reproduce", "--scale", "big"], "error: --scale: expected a number, found 'big' (see mosel reproduce --help)" },
        { ["reproduce", "--engine"], "error: --engine: needs a value after it (see mosel reproduce --help)" },
        { ["bench", "sim", "--hours", "x"], "error: --hours: expected a number, found 'x' (see mosel bench sim --help)" },
        { ["report"], "error: results: required: a folder (see mosel report --help)" },
        { ["merge", "a"], "error: --out: required: a folder (see mosel merge --help)" },
        { ["slurm"], "error: needs a command: submit (see mosel slurm --help)" },
        { ["frobnicate"], "error: unknown option or argument 'frobnicate' (see mosel --help)" },
        { ["simulate", "-c", "x.yaml", "--out", ""], "error: an empty argument after --out; leave an option out to get its default" },
        { ["merge", "a", "", "--out", "b"], "error: an empty argument; leave an option out to get its default" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void ARejectedCommandLineIsOneLineAndExit2(string[] args, string expected)
    {
        (int code, string output, string error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(expected, error.TrimEnd('\n'));
        Assert.DoesNotContain("System.", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("1e300", "1E+300")]
    [InlineData("0", "0")]
    [InlineData("-5", "-5")]
    public void ATrainingTimeLimitOutsideAWeekIsOneLine(string minutes, string shown)
    {
        using var scratch = new Scratch();
        (int code, _, string error) = CliRunner.Run("train", "--dataset", scratch.Path, "--out", scratch.Combine("w.safetensors"), "--minutes", minutes);
        Assert.Equal(2, code);
        Assert.Equal($"error: --minutes: must be above 0 and at most 10080 (a week), found {shown}", error.TrimEnd('\n'));
        Assert.False(File.Exists(scratch.Combine("w.safetensors")));
    }

    [Fact]
    public void NoCommandAtAllNamesTheCommands()
    {
        (int code, _, string error) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.StartsWith("error: needs a command: simulate, ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
