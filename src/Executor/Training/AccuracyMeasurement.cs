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

    public static ConfigurationAccuracy Measure(ZooModel model, DigitSplit split, IReadOnlyCollection<string> configuration, int batch = 256) =>
        new(string.Join('+', configuration), Answers(model, split, configuration, batch).Count(right => right), split.Count);

    /// <summary>Whether the model names each sample of the split right with the configuration's modalities, in split order.</summary>
    public static bool[] Answers(ZooModel model, DigitSplit split, IReadOnlyCollection<string> configuration, int batch = 256)
    {
        bool training = model.training;
        model.eval();
        var right = new bool[split.Count];
        using (no_grad())
        {
            for (int from = 0; from < split.Count; from += batch)
            {
                using var scope = NewDisposeScope();
                Tensor index = arange(from, Math.Min(from + batch, split.Count), ScalarType.Int64);
                bool[] answers = TorchRuntime.Right(model.call(split.Inputs(configuration, index)), split.Label.index_select(0, index)).data<bool>().ToArray();
                answers.CopyTo(right, from);
            }
        }
        model.train(training);
        return right;
    }
}
