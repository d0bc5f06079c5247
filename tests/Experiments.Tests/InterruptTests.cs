using System.Diagnostics;

namespace Mosel.Experiments.Tests;

/// <summary>
/// A real mosel process, a real signal: the staging folder goes, an earlier result stays byte for byte,
/// one line says so, and the exit code is 128 + the signal.
/// </summary>
[Collection(WallClockCollection.Name)]
public sealed class InterruptTests
{
    public static TheoryData<string, int> Signals => new() { { "INT", 130 }, { "TERM", 143 }, { "HUP", 129 } };

    [Theory]
    [MemberData(nameof(Signals))]
    public void ASignalMidRunLeavesNothingAndKeepsTheEarlierResult(string signal, int expectedExit)
    {
        using var scratch = new Scratch();
        string config = scratch.File("config.yaml", $"""
            name: long
            profile: {Repo.PathOf("profiles/tvlt.h100-interim.yaml")}
            policies: [none, dynamic]
            seeds: [1, 2, 3, 4, 5, 6, 7, 8]
            workload:
              arrivals: poisson
              loads_qps: [100, 200]
              duration_s: 3600
            scheduler: {"{"}decision_time: none{"}"}
            """);
        string target = scratch.Combine("results");
        Assert.Equal(0, CliRunner.Run("simulate", "--config", config, "--out", target, "--set", "workload.duration_s=2", "--set", "seeds=[1]").ExitCode);
        TreeSnapshot earlier = TreeSnapshot.Take(scratch.Path);

        using Process mosel = StartMosel("simulate", "--config", config, "--out", target);
        string staging = $"{target}.partial-{mosel.Id}";
        var waited = Stopwatch.StartNew();
        while (!Directory.Exists(staging) && waited.Elapsed < TimeSpan.FromSeconds(60) && !mosel.HasExited)
        {
            Thread.Sleep(50);
        }
        Assert.True(Directory.Exists(staging), "the run never started writing");
        Thread.Sleep(500);
        using (Process kill = Process.Start("kill", ["-s", signal, mosel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        Assert.True(mosel.WaitForExit(TimeSpan.FromSeconds(30)), "mosel did not stop after the signal");
        string error = mosel.StandardError.ReadToEnd();

        Assert.Equal(expectedExit, mosel.ExitCode);
        Assert.Equal("interrupted; nothing written", error.Trim());
        Assert.False(Directory.Exists(staging), "the staging folder was left behind");
        earlier.AssertUnchanged($"SIG{signal}");
    }

    /// <summary>
    /// Ctrl-C while libtorch trains or profiles: the command stops at its next batch (exiting at once crashed in native code:
    /// a segfault, exit 139, or libtorch's "please report a bug"), says nothing was written and exits 130.
    /// </summary>
    [Theory]
    [InlineData("train")]
    [InlineData("profile")]
    public void CtrlCWhileLibtorchRunsStopsAtTheNextBatchAndExits130(string command)
    {
        using var scratch = new Scratch();
        string output = scratch.Combine(command == "train" ? "w.safetensors" : "p.yaml");
        string[] args = command == "train"
            ? ["train", "--dataset", Repo.PathOf("tests/data/digits-sample"), "--out", output, "--epochs", "100000", "--patience", "100000"]
            // Points of 200 runs: seconds each on an idle machine (the whole profile takes long past the signal), and the next
            // point boundary comes soon even when other processes slow it down several times.
            : ["profile", "--model", "tvlt", "--scale", "tiny", "--out", output, "--runs", "200"];
        using Process mosel = StartMosel(args);
        // The signal goes once the command has used 3 CPU-seconds: past loading libtorch (about 1.5) and early in the work
        // (the profile takes about 15, training far more), at the same point of progress however fast or busy the machine
        // is. A fixed wall-clock wait came after the whole profile on a fast, idle machine (it takes 8 s there).
        WaitForCpuSeconds(mosel, 3, TimeSpan.FromSeconds(120));
        Assert.False(mosel.HasExited, "the command ended before the signal");
        using (Process kill = Process.Start("kill", ["-s", "INT", mosel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        Assert.True(mosel.WaitForExit(TimeSpan.FromSeconds(60)), "mosel did not stop after the signal");
        string error = mosel.StandardError.ReadToEnd();
        Assert.Equal(130, mosel.ExitCode);
        if (command == "profile" || error.Trim() == "interrupted; nothing written")
        {
            Assert.Equal("interrupted; nothing written", error.Trim());
            Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
            return;
        }
        // Training that finished an epoch keeps its checkpoint (whole: written beside and moved into place) and says so;
        // no weights and no staging. --resume continues from it, writes the weights and removes the checkpoint.
        string checkpoint = output + ".checkpoint";
        Assert.Equal($"interrupted; written: {checkpoint}", error.Trim());
        Assert.Equal([checkpoint], Directory.GetFileSystemEntries(scratch.Path));
        using System.Text.Json.JsonDocument epochs = System.Text.Json.JsonDocument.Parse(
            Executor.Weights.SafetensorsFile.ReadMetadata(Path.Combine(checkpoint, "state.safetensors"))["epochs"]);
        int done = epochs.RootElement.GetArrayLength();
        (int code, string resumed, string resumeError) = CliRunner.Run(["train", .. args[1..^4], "--epochs", $"{done + 1}", "--patience", "100000", "--resume"]);
        Assert.True(code == 0, resumeError);
        Assert.StartsWith($"epoch {done + 1}/{done + 1}: loss", resumed.Split('\n').First(l => l.StartsWith("epoch", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetFileSystemEntries(scratch.Path));
    }

    /// <summary>Waits until the process has used this much CPU time (user + system, from /proc), it ends, or the wall-clock limit passes.</summary>
    private static void WaitForCpuSeconds(Process process, double seconds, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < limit && CpuSeconds(process.Id) < seconds)
        {
            Thread.Sleep(50);
        }
    }

    /// <summary>utime + stime of /proc/PID/stat (fields 14 and 15, after the parenthesised command name), in clock ticks of 1/100 s.</summary>
    private static double CpuSeconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;   // The process has just ended.
        }
    }

    /// <summary>The built mosel in its own process, with the three signals at their default disposition (a background CI job may inherit them ignored).</summary>
    private static Process StartMosel(params string[] args)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--default-signal=INT,TERM,HUP", "dotnet", Path.Combine(AppContext.BaseDirectory, "mosel.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }
        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
