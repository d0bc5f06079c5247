using Mosel.Executor.Execution;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Datasets;

namespace Mosel.Experiments.Running;

/// <summary>A digits dataset's split as labelled samples, read once per split per process (every run of a study scores on it).</summary>
public static class ScoringSamples
{
    private static readonly Dictionary<string, LabelledSamples> s_samples = new();
    private static readonly Lock s_gate = new();

    public static LabelledSamples Get(ScoringSplit split)
    {
        lock (s_gate)
        {
            if (!s_samples.TryGetValue(split.File, out LabelledSamples? samples))
            {
                // Kept for the life of the process, like the zoo's models: the split is a few megabytes.
                samples = DigitDataset.Load(split.Folder, split.Split).AsLabelledSamples();
                s_samples[split.File] = samples;
            }
            return samples;
        }
    }
}
