using System.Diagnostics;
using Mosel.Executor.Datasets;
using Mosel.Executor.Models;
using Mosel.Executor.Profiling;
using static TorchSharp.torch;

namespace Mosel.Executor.Training;

/// <summary>
/// Trains the av-digits zoo model on a digits dataset on the CPU with modality dropout: the batches cycle through every modality
/// configuration (both, audio alone, video alone), so each is a valid input and each is trained on a third of the
/// batches. Adam, cross-entropy; after each epoch the validation split is scored per configuration and the weights of
/// the epoch with the best mean are kept; training stops after <see cref="TrainingSettings.Patience"/> epochs without a
/// better one, at the epoch limit, or at the time limit, and says which (<see cref="StopReason"/>). Seeded (libtorch's
/// generator and the batch order).
/// </summary>
public static class DigitsTrainer
{
    /// <param name="checkpointFolder">Where the state after each epoch is kept (<see cref="TrainingCheckpoint"/>), or null for none.</param>
    /// <param name="resume">Continue from the checkpoint in <paramref name="checkpointFolder"/>: the epochs it holds are not run again,
    /// and the run ends with the weights an uninterrupted one would have.</param>
    public static TrainingOutcome Train(ZooScale scale, DigitSplit train, DigitSplit validation,
        TrainingSettings settings, Action<EpochReport>? epochDone = null, Action<int, int>? batchDone = null, string? checkpointFolder = null, bool resume = false)
    {
        var model = (AvDigitsModel)ModelZoo.Create(AvDigitsModel.ZooName, scale, settings.Seed);
        model.SetAudioNormalisation(train.Audio.mean().item<float>(), train.Audio.std().item<float>());
        IReadOnlyList<string[]> configurations = ModelProfiler.Configurations(model);
        var optimizer = optim.Adam(model.parameters(), settings.LearningRate, weight_decay: 1e-4);
        using var generator = new Generator((ulong)settings.Seed);
        var epochs = new List<EpochReport>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0;
        double bestAccuracy = double.NegativeInfinity;
        Dictionary<string, string> identity = TrainingCheckpoint.IdentityOf(scale, settings, train.Count, validation.Count);
        int first = 1;
        TimeSpan before = TimeSpan.Zero;
        if (resume)
        {
            TrainingCheckpoint checkpoint;
            (checkpoint, best) = TrainingCheckpoint.Restore(checkpointFolder ?? throw new ArgumentNullException(nameof(checkpointFolder)), model, optimizer);
            if (identity.FirstOrDefault(kv => checkpoint.Identity.GetValueOrDefault(kv.Key) != kv.Value) is { Key: not null } differs)
            {
                DisposeAll(best);
                throw new ArgumentException($"the checkpoint was made with {differs.Key.Replace('_', ' ')} {checkpoint.Identity.GetValueOrDefault(differs.Key, "(none)")}, this run has {differs.Value}", nameof(settings));
            }
            epochs.AddRange(checkpoint.Epochs);
            bestEpoch = checkpoint.BestEpoch;
            bestAccuracy = epochs[bestEpoch - 1].MeanValidationAccuracy;
            before = epochs[^1].Elapsed;
            first = epochs.Count + 1;
            // The batch orders the finished epochs drew, drawn again, so the next epoch's order is the one it would have had.
            for (int epoch = 1; epoch < first; epoch++)
            {
                randperm(train.Count, generator: generator).Dispose();
            }
        }
        long started = Stopwatch.GetTimestamp();
        int batches = (train.Count + settings.BatchSize - 1) / settings.BatchSize;
        StopReason stop = StopReason.EpochLimit;
        for (int epoch = first; epoch <= settings.MaxEpochs; epoch++)
        {
            model.train();
            double lossSum = 0;
            using (Tensor order = randperm(train.Count, generator: generator))
            {
                for (int b = 0; b < batches; b++)
                {
                    optimizer.zero_grad();
                    using (NewDisposeScope())
                    {
                        Tensor index = order.narrow(0, b * settings.BatchSize, Math.Min(settings.BatchSize, train.Count - (b * settings.BatchSize)));
                        string[] configuration = configurations[((epoch * batches) + b) % configurations.Count];
                        Tensor logits = model.call(train.Inputs(configuration, index));
                        Tensor loss = nn.functional.cross_entropy(logits, train.Label.index_select(0, index));
                        loss.backward();
                        lossSum += loss.item<float>();
                    }
                    // Outside the batch's dispose scope: the optimiser's moment estimates, made on its first step, must outlive it.
                    optimizer.step();
                    batchDone?.Invoke(b + 1, batches);
                }
            }
            var report = new EpochReport(epoch, lossSum / batches, AccuracyMeasurement.Measure(model, validation), before + Stopwatch.GetElapsedTime(started));
            report = report with { IsBest = report.MeanValidationAccuracy > bestAccuracy };
            epochs.Add(report);
            epochDone?.Invoke(report);
            if (report.IsBest)
            {
                bestAccuracy = report.MeanValidationAccuracy;
                bestEpoch = epoch;
                DisposeAll(best);
                best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
            if (checkpointFolder is not null)
            {
                TrainingCheckpoint.Write(checkpointFolder, model, best!, optimizer, epochs, bestEpoch, identity);
            }
            if (epoch - bestEpoch >= settings.Patience)
            {
                stop = StopReason.Converged;
                break;
            }
            if (report.Elapsed >= settings.TimeLimit && epoch < settings.MaxEpochs)
            {
                stop = StopReason.TimeLimit;
                break;
            }
        }
        using (no_grad())
        {
            foreach ((string name, Tensor value) in model.state_dict())
            {
                value.copy_(best![name]);
            }
        }
        DisposeAll(best);
        model.eval();
        return new TrainingOutcome(model, epochs, bestEpoch, stop);
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (Tensor tensor in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
    }
}
