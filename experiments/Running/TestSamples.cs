using Mosel.Executor.Execution;
using Mosel.Experiments.Datasets;

namespace Mosel.Experiments.Running;

/// <summary>A digits dataset's test split as labelled samples, read once per dataset per process (every run of a study scores on it).</summary>
public static class TestSamples
{
    private static readonly Dictionary<string, LabelledSamples> s_samples = new();
    private static readonly Lock s_gate = new();

    public static LabelledSamples Get(string dataset)
    {
        lock (s_gate)
        {
            if (!s_samples.TryGetValue(dataset, out LabelledSamples? samples))
            {
                // Kept for the life of the process, like the zoo's models: the split is a few megabytes.
                samples = DigitDataset.Load(dataset, DatasetSplit.Test).AsLabelledSamples();
                s_samples[dataset] = samples;
            }
            return samples;
        }
    }
}
