using System.Globalization;
using Mosel.Executor.Datasets;
using Mosel.Executor.Models;
using Mosel.Executor.Training;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>A profile's accuracy measured on a digits dataset's test split: the share of samples each configuration names right.</summary>
public static class MeasuredAccuracy
{
    public static (AccuracyMetric Metric, Dictionary<string, double> Values) Of(ZooModel model, string dataset, string? weights)
    {
        using DigitSplit test = DigitDataset.Load(dataset, DatasetSplit.Test);
        if (test.Count == 0)
        {
            throw new ConfigException($"{dataset}: the test split is empty; build the dataset with more --utterances");
        }
        IReadOnlyList<ConfigurationAccuracy> measured = AccuracyMeasurement.Measure(model, test);
        string intervals = string.Join("; ", measured.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Configuration} {m.Correct}/{m.Samples} [{m.Interval95.Low:0.0000}, {m.Interval95.High:0.0000}]")));
        var metric = new AccuracyMetric($"accuracy (digits test split, {test.Count} samples)", "fraction", true, false,
            $"measured by mosel profile --accuracy on {Path.GetFullPath(dataset)} (test split) with weights {weights ?? "seeded random (untrained)"}; " +
            $"correct/samples and 95 % Wilson interval: {intervals}")
        {
            Measured = measured.ToDictionary(m => m.Configuration,
                m => new AccuracyCount(m.Correct, m.Samples, Math.Round(m.Interval95.Low, 6), Math.Round(m.Interval95.High, 6))),
        };
        return (metric, measured.ToDictionary(m => m.Configuration, m => Math.Round(m.Accuracy, 6)));
    }
}
