using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mosel.Experiments.Tests;

/// <summary>
/// A real single-node Slurm cluster on this machine (Debian's slurm-wlm and munge, started by
/// scripts/slurm/local-cluster.sh with its own key, socket, state and ports): <c>mosel slurm submit</c> sends a 4-task
/// array and a dependent merge job; the merged folder is byte-identical to the study run on one machine. Every daemon
/// the test started is stopped by pid.
/// </summary>
public sealed partial class SlurmTests
{
    private static string Config => SmallStudy.Yaml("slurm-test", durationSeconds: 15, jobRecords: true);

    [Fact]
    public void AJobArrayOnARealSlurmClusterMergesToTheSingleMachineBytes()
    {
        string[] needed = ["/usr/bin/sbatch", "/usr/bin/squeue", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged"];
        if (needed.Any(p => !File.Exists(p)) || Environment.UserName != "root")
        {
            Assert.True(Environment.GetEnvironmentVariable("MOSEL_REQUIRE_SLURM") != "1", "MOSEL_REQUIRE_SLURM=1 but slurm-wlm is not installed or this is not root");
            Assert.Skip("needs Debian's slurm-wlm and root (apt-get install slurm-wlm); .ci/run installs it");
        }
        ITestOutputHelper log = TestContext.Current.TestOutputHelper!;
        long started = Stopwatch.GetTimestamp();
        using var scratch = new Scratch();
        string cluster = scratch.Combine("cluster");
        // The jobs call ./mosel: build it now (nothing to do when up to date), not in the first job.
        Assert.Equal(0, Shell(Repo.PathOf("mosel"), ["--version"], null).Code);
        (int code, string output) = Shell(Repo.PathOf("scripts/slurm/local-cluster.sh"), ["start", cluster, FreePort().ToString(), FreePort().ToString()], null);
        string conf = Path.Combine(cluster, "slurm.conf");
        string? previous = Environment.GetEnvironmentVariable("SLURM_CONF");
        try
        {
            Assert.True(code == 0, $"the local cluster did not start: {output}");
            log.WriteLine($"cluster up: {output.Trim()}");
            Environment.SetEnvironmentVariable("SLURM_CONF", conf);
            string config = scratch.File("study.yaml", Config);
            string sweep = scratch.Combine("sweep");
            (int submitCode, string submitted, string error) = CliRunner.Run("slurm", "submit", "--config", config, "--shards", "4", "--out", sweep);
            Assert.True(submitCode == 0, error);
            Match jobs = SubmittedJobs().Match(submitted);
            Assert.True(jobs.Success, submitted);
            log.WriteLine($"submitted: array job {jobs.Groups[1].Value} (4 tasks), merge job {jobs.Groups[2].Value}");
            var deadline = Stopwatch.StartNew();
            while (Shell("/usr/bin/squeue", ["-h", "-j", $"{jobs.Groups[1].Value},{jobs.Groups[2].Value}"], conf).Output.Trim().Length > 0)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), $"jobs still queued after 5 minutes: {Logs(sweep)}");
                Thread.Sleep(500);
            }
            log.WriteLine($"jobs finished after {deadline.Elapsed.TotalSeconds:0.0} s; logs: {string.Join(", ", Directory.GetFiles(Path.Combine(sweep, "logs")).Select(Path.GetFileName).Order())}");
            for (int i = 0; i < 4; i++)
            {
                Assert.True(File.Exists(Path.Combine(sweep, $"shard-{i}", "shard.json")), $"shard {i} did not finish: {Logs(sweep)}");
            }
            Assert.True(Directory.Exists(Path.Combine(sweep, "merged")), $"the merge job did not write merged/: {Logs(sweep)}");

            (code, _, error) = CliRunner.Run("simulate", "--config", config, "--out", scratch.Combine("whole"));
            Assert.True(code == 0, error);
            string[] files = Directory.GetFiles(scratch.Combine("whole")).Select(Path.GetFileName).Where(f => f is not "provenance.json" and not ".mosel-results").Order().ToArray()!;
            Assert.Equal(files, Directory.GetFiles(Path.Combine(sweep, "merged")).Select(Path.GetFileName).Where(f => f is not "provenance.json" and not ".mosel-results").Order());
            foreach (string file in files)
            {
                Assert.True(File.ReadAllBytes(scratch.Combine($"whole/{file}")).SequenceEqual(File.ReadAllBytes(Path.Combine(sweep, "merged", file))), $"{file} differs");
            }
            log.WriteLine($"merged/ identical to the single-machine run ({files.Length} files: {string.Join(", ", files)}); wall {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SLURM_CONF", previous);
            Shell(Repo.PathOf("scripts/slurm/local-cluster.sh"), ["stop", cluster], null);
            foreach (string pid in new[] { "slurmctld.pid", "slurmd.pid", "munged.pid" })
            {
                Assert.False(File.Exists(Path.Combine(cluster, pid)), $"{pid} left behind");
            }
        }
    }

    private static string Logs(string sweep) =>
        string.Join("\n", Directory.GetFiles(Path.Combine(sweep, "logs")).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output) Shell(string program, IEnumerable<string> arguments, string? slurmConf)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (slurmConf is not null)
        {
            start.Environment["SLURM_CONF"] = slurmConf;
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }

    [GeneratedRegex(@"job array (\d+) \(4 tasks\) and merge job (\d+)")]
    private static partial Regex SubmittedJobs();
}
