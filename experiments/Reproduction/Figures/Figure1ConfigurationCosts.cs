using Mosel.Experiments.Configuration;
using Mosel.Experiments.Reporting;
using Mosel.Plots;
using Mosel.Plots.Recipes;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Reproduction.Figures;

/// <summary>Fig. 1: per-configuration latency (batch 1 and 32), peak memory and accuracy of TVLT and ViLT (or the <c>--profile</c>), straight from the profiles.</summary>
public sealed class Figure1ConfigurationCosts : IPaperFigure
{
    public string Id => "1";

    public bool RunsExperiments => false;

    public void Reproduce(ReproductionContext context, ReproductionReport report)
    {
        context.Log("Fig. 1: per-configuration latency, memory and accuracy", perEngine: false);
        foreach (string path in context.FigureOneProfiles)
        {
            ModelProfile profile = ProfileFile.Load(path);
            string model = profile.Name;
            ConfigurationCosts costs = Costs(profile);
            report.Figures.Add(context.Figure(ConfigurationCostsRecipe.Build(costs), $"fig1_{string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))}",
                $"Fig. 1 — {model}: latency (batch 1 and 32), peak memory and accuracy per modality configuration (fp32, {profile.Device})",
                FigureNumbers.ConfigurationCosts(costs), shared: true));
        }
    }

    private static ConfigurationCosts Costs(ModelProfile profile)
    {
        int configs = profile.Configurations.Count;
        IEnumerable<LatencyTable> tables = Enumerable.Range(0, configs).Select(c => profile.Table(Precision.Fp32, c)).ToArray();
        string label = profile.Metric.ScoreDescription + (profile.Metric.Approximate ? " (approximate)" : "");
        return new ConfigurationCosts(profile.Name, profile.Configurations.Select(c => c.Name).ToArray(),
            tables.Select(t => t.Seconds(1) * 1000).ToArray(),
            tables.Select(t => t.Seconds(32) * 1000).ToArray(),
            tables.Select(t => (t.PeakMemoryBytes(32) ?? 0) / (1024.0 * 1024 * 1024)).ToArray(),
            profile.Configurations.Select(c => c.Accuracy).ToArray(), label, "fp32");
    }
}
