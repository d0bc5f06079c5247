namespace Mosel.Experiments.Tests;

public sealed class ProgressTests
{
    /// <summary>Without a terminal (a batch log), each finished run is one line: its number of the total, its label, the elapsed time and the time left.</summary>
    [Fact]
    public void ABatchLogGetsOneLinePerFinishedRunWithTheTimeLeft()
    {
        using var scratch = new Scratch();
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", scratch.Combine("r"),
            "--set", "policies=[none, fp16]", "--set", "output.job_records=false");
        Assert.Equal((0, ""), (code, error));
        string[] lines = output.Split('\n').Where(l => l.StartsWith("smoke: run ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], lines.Select(l => l.Split(' ')[2]));
        Assert.All(lines, l => Assert.Matches(@"^smoke: run \d/4 (none|fp16)@(40|120)#1 took \d+\.\d s; elapsed \d\d:\d\d:\d\d, about \d\d:\d\d:\d\d left$", l.TrimEnd('\r')));
        Assert.EndsWith("about 00:00:00 left", lines[^1].TrimEnd('\r'), StringComparison.Ordinal);
    }
}
