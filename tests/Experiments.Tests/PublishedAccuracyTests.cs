using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Safety;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Tests;

/// <summary>The published accuracies a measured profile takes, read from profiles/accuracy/*.yaml.</summary>
public sealed class PublishedAccuracyTests
{
    private static readonly string s_folder = RepoPaths.Resolve("profiles/accuracy");

    [Fact]
    public void EveryZooModelHasAnEntryWithItsSubsetsMetricAndSource()
    {
        foreach ((string model, string entry) in PublishedAccuracy.EntryForModel)
        {
            (AccuracyMetric metric, Dictionary<string, double> values) = PublishedAccuracy.Load(s_folder, entry);
            Assert.True(values.Count >= 2, $"{model}: {values.Count} subsets");
            Assert.False(string.IsNullOrWhiteSpace(metric.Source), model);
        }
    }

    [Fact]
    public void TvltTakesTheReferenceCodesAccuraciesAndViltSaysItsAreApproximate()
    {
        (AccuracyMetric tvlt, Dictionary<string, double> values) = PublishedAccuracy.Load(s_folder, "tvlt-cmu-mosei");
        Assert.Equal(0.7431962, values["audio+video"]);
        Assert.Equal(0.72329473, values["audio"]);
        Assert.Equal(0.66001713, values["video"]);
        Assert.False(tvlt.Approximate);
        Assert.StartsWith("github BDHU/MOSEL apps/tvlt/solve_all.py", tvlt.Source, StringComparison.Ordinal);

        (AccuracyMetric vilt, Dictionary<string, double> percent) = PublishedAccuracy.Load(s_folder, "vilt-food101");
        Assert.True(vilt.Approximate);
        Assert.Equal(84.2, percent["image+text"]);
    }

    [Fact]
    public void AnUnknownEntryIsBadInputNamingTheFolder()
    {
        ConfigException e = Assert.Throws<ConfigException>(() => PublishedAccuracy.Load(s_folder, "no-such-model"));
        Assert.Equal($"{s_folder}: no published accuracy entry named 'no-such-model'", e.Message);
    }
}
