using Mosel.Executor.Models;
using Mosel.Executor.Profiling;
using Mosel.Executor.Datasets;
using Mosel.Executor.Execution;
using static TorchSharp.torch;

namespace Mosel.Executor.Training;

/// <summary>How often a model names the right digit, per modality configuration, on one split.</summary>
public static class AccuracyMeasurement
{
    public static IReadOnlyList<ConfigurationAccuracy> Measure(ZooModel model, DigitSplit split, int batch = 256) =>
        ModelProfiler.Configurations(model).Select(c => Measure(model, split, c, batch)).ToArray();

    public static ConfigurationAccuracy Measure(ZooModel model, DigitSplit split, IReadOnlyCollection<string> configuration, int batch = 256)
    {
        bool training = model.training;
        model.eval();
        int correct = 0;
        using (no_grad())
        {
            for (int from = 0; from < split.Count; from += batch)
            {
                using var scope = NewDisposeScope();
                Tensor index = arange(from, Math.Min(from + batch, split.Count), ScalarType.Int64);
                correct += TorchRuntime.CountCorrect(model.call(split.Inputs(configuration, index)), split.Label.index_select(0, index));
            }
        }
        model.train(training);
        return new ConfigurationAccuracy(string.Join('+', configuration), correct, split.Count);
    }
}
