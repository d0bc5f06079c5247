using System.Diagnostics;

namespace Mosel.Experiments.Tests;

/// <summary>`mosel slurm submit --dry-run` prints commands a person pastes into a shell: they must mean what they say there.</summary>
public sealed class SlurmDryRunTests
{
    private static string Config(Scratch scratch) => scratch.File("config.yaml", $"""
        name: paste
        profile: {Repo.PathOf("profiles/tvlt.h100-interim.yaml")}
        policies: [fp16]
        workload: {"{"}arrivals: poisson, loads_qps: [20], duration_s: 5{"}"}
        """);

    [Fact]
    public void ThePrintedCommandsGiveSbatchExactlyTheirArgumentsWhenPasted()
    {
        using var scratch = new Scratch();
        (int code, string output, string error) = CliRunner.Run("slurm", "submit", "--config", Config(scratch), "--shards", "3", "--out", scratch.Combine("sweep"), "--dry-run");
        Assert.True(code == 0, error);
        string[] commands = output.Split('\n').Where(l => l.StartsWith("sbatch ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, commands.Length);
        // The shell splits each line into words; printf shows them one per line, exactly as sbatch would receive them.
        string[] merge = Words(commands[1]);
        Assert.Contains("--dependency=afterok:<array job id>", merge);
        Assert.Equal(Repo.PathOf("scripts/slurm/merge.sbatch"), merge[^1]);
        Assert.Contains($"--output={scratch.Combine("sweep/logs/shard-%a.out")}", Words(commands[0]));
        Assert.Equal([scratch.Combine("config.yaml")], Directory.GetFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("$(touch PWNED)")]
    [InlineData("a;touch PWNED")]
    [InlineData("gpu partition")]
    public void APartitionThatIsNotASlurmNameIsRefused(string partition)
    {
        using var scratch = new Scratch();
        (int code, _, string error) = CliRunner.Run("slurm", "submit", "--config", Config(scratch), "--shards", "2", "--partition", partition, "--dry-run");
        Assert.Equal(2, code);
        Assert.Equal($"error: --partition: '{partition}' is not a Slurm partition name (letters, digits, '-', '_', '.'; several separated by ',')", error.TrimEnd('\n'));
    }

    [Fact]
    public void AMissingSbatchIsTheMachinesFaultNotTheInputs()
    {
        // sbatch is looked up on PATH: a mosel whose PATH holds nothing cannot find it, which is exit 1 (the environment), not 2.
        using var scratch = new Scratch();
        string empty = Directory.CreateDirectory(scratch.Combine("empty-path")).FullName;
        string dotnet = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);
        var start = new ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "mosel.dll"), "slurm", "submit", "--config", Config(scratch), "--shards", "2", "--out", scratch.Combine("sweep")])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PATH"] = empty;
        using Process mosel = Process.Start(start)!;
        string error = mosel.StandardError.ReadToEnd();
        mosel.StandardOutput.ReadToEnd();
        mosel.WaitForExit();
        Assert.Equal(1, mosel.ExitCode);
        Assert.Equal("error: sbatch: not found on PATH (Slurm's client; on Debian: apt-get install slurm-client)", error.TrimEnd('\n'));
        Assert.False(Directory.Exists(scratch.Combine("sweep")));
    }

    private static string[] Words(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", "printf '%s\\n' " + command["sbatch ".Length..]]) { RedirectStandardOutput = true };
        using Process shell = Process.Start(start)!;
        string words = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
        return words.TrimEnd('\n').Split('\n');
    }
}
