using System.Globalization;
using Mosel.Executor.Datasets;
using Mosel.Executor.Models;
using Mosel.Executor.Profiling;
using Mosel.Executor.Training;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>
/// A profile's accuracy measured on a digits dataset's test split: the share of samples each configuration names right,
/// with two 95 % intervals — Wilson's, which takes the samples as independent, and a bootstrap over utterances
/// (<see cref="ClusteredInterval"/>), which does not (a sample shares its sound with the other samples of its utterance)
/// — and the accuracy per digit, since one number per configuration hides a spread between digits.
/// </summary>
public static class MeasuredAccuracy
{
    public static (AccuracyMetric Metric, Dictionary<string, double> Values) Of(ZooModel model, string dataset, string? weights)
    {
        using DigitSplit test = DigitDataset.Load(dataset, DatasetSplit.Test);
        if (test.Count == 0)
        {
            throw new ConfigException($"{dataset}: the test split is empty; build the dataset with more --utterances");
        }
        IReadOnlyDictionary<long, string> utterances = DigitUtterances.Read(dataset);
        string[] clusters = [.. test.Ids.Select(id => utterances.TryGetValue(id, out string? u) ? u
            : throw new ConfigException($"{Path.Combine(dataset, DigitDatasetFiles.SamplesFile)}: no row for sample {id} of the test split"))];
        long[] labels = test.Label.data<long>().ToArray();
        var measured = new List<(ConfigurationAccuracy Accuracy, (double Low, double High) Clustered, string PerDigit)>();
        foreach (string[] configuration in ModelProfiler.Configurations(model))
        {
            bool[] right = AccuracyMeasurement.Answers(model, test, configuration);
            var accuracy = new ConfigurationAccuracy(string.Join('+', configuration), right.Count(r => r), right.Length);
            string perDigit = string.Join(", ", Enumerable.Range(0, AvDigitsModel.Classes).Select(d =>
            {
                int[] of = [.. Enumerable.Range(0, right.Length).Where(i => labels[i] == d)];
                return string.Create(CultureInfo.InvariantCulture, $"{DigitDatasetBuilder.Words[d]} {(of.Length == 0 ? double.NaN : (double)of.Count(i => right[i]) / of.Length):0.00}");
            }));
            measured.Add((accuracy, ClusteredInterval.Bootstrap(right, clusters), perDigit));
        }
        int utteranceCount = clusters.Distinct(StringComparer.Ordinal).Count();
        string intervals = string.Join("; ", measured.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Accuracy.Configuration} {m.Accuracy.Correct}/{m.Accuracy.Samples} [{m.Accuracy.Interval95.Low:0.0000}, {m.Accuracy.Interval95.High:0.0000}], over utterances [{m.Clustered.Low:0.0000}, {m.Clustered.High:0.0000}]")));
        string digits = string.Join("; ", measured.Select(m => $"{m.Accuracy.Configuration}: {m.PerDigit}"));
        var metric = new AccuracyMetric($"accuracy (digits test split, {test.Count} samples)", "fraction", true, false,
            $"measured by mosel profile --accuracy on {Path.GetFullPath(dataset)} (test split) with weights {weights ?? "seeded random (untrained)"}; " +
            $"correct/samples, 95 % Wilson interval and 95 % interval by a bootstrap over the {utteranceCount} utterances ({ClusteredInterval.Resamples} resamples): {intervals}; " +
            $"per digit: {digits}")
        {
            Measured = measured.ToDictionary(m => m.Accuracy.Configuration, m => new AccuracyCount(m.Accuracy.Correct, m.Accuracy.Samples,
                Math.Round(m.Accuracy.Interval95.Low, 6), Math.Round(m.Accuracy.Interval95.High, 6))
            {
                Clusters = utteranceCount,
                Clustered95 = (Math.Round(m.Clustered.Low, 6), Math.Round(m.Clustered.High, 6)),
            }),
        };
        return (metric, measured.ToDictionary(m => m.Accuracy.Configuration, m => Math.Round(m.Accuracy.Accuracy, 6)));
    }
}
