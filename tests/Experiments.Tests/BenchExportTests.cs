using System.Text.Json;

namespace Mosel.Experiments.Tests;

/// <summary><c>mosel bench … --json FILE</c>: the printed figures with the machine, runtime and commit, written safely.</summary>
public sealed class BenchExportTests
{
    [Fact]
    public void TheSimulatorBenchWritesItsFiguresWithTheMachineTheyWereMeasuredOn()
    {
        using var scratch = new Scratch();
        string path = scratch.Combine("bench.json");
        string[] args = ["bench", "sim", "--hours", "0.01", "--repeat", "2", "--policies", "none,dynamic", "--json", path];
        (int code, _, string error) = CliRunner.Run(args);
        Assert.Equal((0, ""), (code, error));
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(path)))
        {
            JsonElement root = json.RootElement;
            Assert.Equal("sim", root.GetProperty("bench").GetString());
            foreach (string key in new[] { "mosel_version", "commit", "os", "dotnet", "cpu", "written_utc", "command_line" })
            {
                Assert.False(string.IsNullOrEmpty(root.GetProperty(key).GetString()), key);
            }
            Assert.Equal(Environment.ProcessorCount, root.GetProperty("cores").GetInt32());
            Assert.Equal("none,dynamic", root.GetProperty("settings").GetProperty("policies").GetString());
            Assert.Equal("0.01", root.GetProperty("settings").GetProperty("hours").GetString());
            JsonElement[] figures = [.. root.GetProperty("figures").EnumerateArray()];
            Assert.Equal(["sim none", "sim dynamic"], figures.Select(f => f.GetProperty("name").GetString()));
            Assert.All(figures, f =>
            {
                Assert.Equal(2, f.GetProperty("repetitions").GetInt32());
                double median = f.GetProperty("median").GetDouble();
                Assert.InRange(median, f.GetProperty("min").GetDouble(), f.GetProperty("max").GetDouble());
                Assert.True(median > 0);
                Assert.True(f.GetProperty("cpu_seconds_median").GetDouble() >= 0);
                Assert.True(f.GetProperty("allocated_bytes_per_job").GetDouble() > 0);
            });
        }
        // A file an earlier bench wrote is replaced; any other is refused before anything is measured, and left as it was.
        Assert.Equal(0, CliRunner.Run(args).ExitCode);
        string mine = scratch.File("mine.json", "{\"notes\": true}");
        (code, _, error) = CliRunner.Run(["bench", "sim", "--hours", "0.01", "--repeat", "1", "--json", mine]);
        Assert.Equal(2, code);
        Assert.Equal($"error: --json: {mine} exists and was not written by mosel bench; choose another file", error.Trim());
        Assert.Equal("{\"notes\": true}", File.ReadAllText(mine));
        Assert.Equal(["bench.json", "mine.json"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order());
    }
}
