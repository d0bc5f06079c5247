using Mosel.Experiments.Configuration;
using Mosel.Experiments.Profiling;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Tests;

/// <summary>What a measured profile is checked for before <c>mosel profile</c> writes it, on a profile built by hand.</summary>
public sealed class ProfileChecksTests
{
    /// <summary>
    /// audio+video 2 / 3 ms at batch 1 / 2; audio 2.5 / 2.8 ms (dearer than both modalities at batch 1: the one inversion);
    /// video 1 / 1.5 ms. Relative interquartile ranges: audio+video 0.1 and 0.067, audio 0.4 and 0.071, video 0.5 and 0.133.
    /// </summary>
    private const string Profile = """
        model: hand
        modalities: [audio, video]
        device: test
        provenance: built by hand
        accuracy:
          metric: accuracy
          unit: fraction
          higher_is_better: true
          approximate: false
          source: by hand
          values: {audio+video: 0.8, audio: 0.7, video: 0.6}
        latency:
          fp32:
            audio+video: {batch_sizes: [1, 2], latency_ms: [2, 3], latency_q1_ms: [1.9, 2.9], latency_q3_ms: [2.1, 3.1]}
            audio: {batch_sizes: [1, 2], latency_ms: [2.5, 2.8], latency_q1_ms: [2.0, 2.7], latency_q3_ms: [3.0, 2.9]}
            video: {batch_sizes: [1, 2], latency_ms: [1, 1.5], latency_q1_ms: [0.9, 1.4], latency_q3_ms: [1.4, 1.6]}
        """;

    [Fact]
    public void ASubsetDearerThanEveryModalityIsFoundWhereItIs()
    {
        using var scratch = new Scratch();
        ModelProfile profile = ProfileFile.Load(scratch.File("hand.yaml", Profile));
        Assert.Equal(["fp32 audio costs 2.5 ms at batch 1, more than audio+video (2 ms)"], ProfileChecks.Inversions(profile));
        // Made cheaper than audio+video, nothing is found.
        ModelProfile fixedUp = ProfileFile.Load(scratch.File("fixed.yaml", Profile.Replace("latency_ms: [2.5, 2.8]", "latency_ms: [1.5, 2.8]", StringComparison.Ordinal)));
        Assert.Empty(ProfileChecks.Inversions(fixedUp));
    }

    [Fact]
    public void NoisyPointsAreThoseWhoseQuartilesSpanAQuarterOfTheirLatencyWidestFirst()
    {
        using var scratch = new Scratch();
        ModelProfile profile = ProfileFile.Load(scratch.File("hand.yaml", Profile));
        Assert.Equal(
        [
            "fp32 video batch 1: runs from 0.9 to 1.4 ms (quartiles) around 1 ms",
            "fp32 audio batch 1: runs from 2 to 3 ms (quartiles) around 2.5 ms",
        ], ProfileChecks.Noisy(profile));
        // Written and read back, the quartiles are the same; a profile without them has no noisy points.
        string copy = scratch.Combine("copy.yaml");
        ProfileFile.Save(profile, "copy", copy);
        Assert.Equal([0.9, 1.4], ProfileFile.Load(copy).Table(Precision.Fp32, 2).QuartilesMs!.Value.Q1);
        string bare = string.Join('\n', Profile.Split('\n').Select(l => l.Contains("latency_q1_ms", StringComparison.Ordinal) ? l[..l.IndexOf(", latency_q1_ms", StringComparison.Ordinal)] + "}" : l));
        Assert.Empty(ProfileChecks.Noisy(ProfileFile.Load(scratch.File("bare.yaml", bare))));
    }

    /// <summary>Two readings of /proc/stat: 100 ticks passed, 30 of them idle or waiting for I/O, so 70 % was busy.</summary>
    [Fact]
    public void TheBusyShareIsTheTicksNotIdleBetweenTwoReadings()
    {
        const string before = "cpu  1000 0 500 8000 100 0 0 0 0 0";
        const string after = "cpu  1050 0 520 8025 105 0 0 0 0 0";
        Assert.Equal(0.7, ProfileChecks.BusyShare(before, after)!.Value, 12);
        Assert.Null(ProfileChecks.BusyShare(before, before));
        Assert.Null(ProfileChecks.BusyShare("intr 1 2 3", after));
        using var scratch = new Scratch();
        Assert.Null(ProfileChecks.BusyShare(TimeSpan.Zero, scratch.Combine("missing")));
        Assert.InRange(ProfileChecks.BusyShare(TimeSpan.FromMilliseconds(200))!.Value, 0, 1);
    }
}
