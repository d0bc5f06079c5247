using Mosel.Executor.Datasets;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Training;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

/// <summary>
/// The trainer on a problem small enough to learn in seconds: each digit is one bright block at its own place in the
/// audio spectrogram and another in the image, over noise. Chance is 0.1; a trainer whose optimiser does not step, or
/// steps the wrong way, stays near it, so the test fails on a broken training step rather than on a shape.
/// </summary>
public sealed class TrainerTests
{
    private const int Classes = AvDigitsModel.Classes;

    public TrainerTests() => LibTorchLoader.Load(TorchDevice.Cpu);

    [Fact]
    public void TheTrainerLearnsADigitFromEitherModalityWellAboveChance()
    {
        using DigitSplit train = Blocks(samples: 300, seed: 1);
        using DigitSplit validation = Blocks(samples: 100, seed: 2);
        var settings = new TrainingSettings(Seed: 1, MaxEpochs: 8, Patience: 8, TimeLimit: TimeSpan.FromMinutes(5), BatchSize: 10, LearningRate: 1e-3);
        (ZooModel model, IReadOnlyList<EpochReport> epochs, int bestEpoch, StopReason stop) = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings);
        using (model)
        {
            // Every configuration (both, audio alone, video alone) is trained by modality dropout and learns its block.
            IReadOnlyList<ConfigurationAccuracy> accuracy = AccuracyMeasurement.Measure(model, validation);
            Assert.Equal(3, accuracy.Count);
            Assert.All(accuracy, a => Assert.True(a.Accuracy >= 0.8, $"{a.Configuration}: {a.Correct}/{a.Samples} (chance: 10 %) " + string.Join(" ", epochs.Select(e => $"{e.Loss:0.00}/{string.Join(",", e.Validation.Select(v => v.Correct))}"))));
            // The loss falls from about ln 10 = 2.30 (a uniform guess), and the kept weights are the best epoch's.
            Assert.True(epochs[0].Loss > 1.5, $"first epoch's loss {epochs[0].Loss:0.00}");
            Assert.True(epochs[^1].Loss < epochs[0].Loss / 2, $"loss {epochs[0].Loss:0.00} → {epochs[^1].Loss:0.00}");
            Assert.Equal(epochs.Max(e => e.MeanValidationAccuracy), epochs[bestEpoch - 1].MeanValidationAccuracy);
            Assert.Equal(epochs[bestEpoch - 1].MeanValidationAccuracy, accuracy.Average(a => a.Accuracy), 12);
            // Patience as long as the epoch limit: the limit stops it, and says so.
            Assert.Equal((settings.MaxEpochs, StopReason.EpochLimit), (epochs.Count, stop));
            // The measured counts are the model's own arg-max answers, counted here without the measurement code.
            using (no_grad())
            using (NewDisposeScope())
            {
                model.eval();
                Tensor all = arange(validation.Count, ScalarType.Int64);
                foreach ((string[] configuration, ConfigurationAccuracy measured) in new[] { ["audio", "video"], new[] { "audio" }, ["video"] }.Zip(accuracy))
                {
                    Assert.Equal(string.Join('+', configuration), measured.Configuration);
                    long[] answers = model.call(validation.Inputs(configuration, all)).argmax(1).data<long>().ToArray();
                    long[] truth = validation.Label.data<long>().ToArray();
                    Assert.Equal(answers.Zip(truth).Count(p => p.First == p.Second), measured.Correct);
                }
            }
        }
    }

    /// <summary>
    /// Why training stopped: patience 1 ends it at the first epoch that is not better (converged, before the epoch limit);
    /// a time limit of zero ends it after the first epoch.
    /// </summary>
    [Fact]
    public void TheTrainerSaysWhyItStopped()
    {
        using DigitSplit train = Blocks(samples: 60, seed: 3);
        using DigitSplit validation = Blocks(samples: 30, seed: 4);
        var settings = new TrainingSettings(Seed: 1, MaxEpochs: 30, Patience: 1, TimeLimit: TimeSpan.FromMinutes(5), BatchSize: 10, LearningRate: 1e-3);
        TrainingOutcome converged = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings);
        using (converged.Model)
        {
            Assert.Equal(StopReason.Converged, converged.Stop);
            Assert.True(converged.Epochs.Count < settings.MaxEpochs, $"{converged.Epochs.Count} epochs");
            // The last epoch is the first that did not beat the one before it.
            Assert.True(converged.Epochs[^1].MeanValidationAccuracy <= converged.Epochs[^2].MeanValidationAccuracy);
            Assert.Equal(converged.Epochs.Count - 1, converged.BestEpoch);
        }
        TrainingOutcome cut = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings with { Patience = 30, TimeLimit = TimeSpan.Zero });
        using (cut.Model)
        {
            Assert.Equal((StopReason.TimeLimit, 1), (cut.Stop, cut.Epochs.Count));
        }
    }

    /// <summary>
    /// An interrupted run continued from its checkpoint ends as the uninterrupted one does: one epoch, then two more from
    /// the checkpoint, give the same losses and validation counts epoch by epoch as three epochs straight, and the same
    /// weights bit for bit. Two batches an epoch, so the first batch after the checkpoint uses audio alone: a parameter
    /// of the video stem keeps a zero gradient from the first epoch, which Adam still moves, and a continued run must
    /// hold it too.
    /// </summary>
    [Fact]
    public void ARunContinuedFromItsCheckpointEndsAsAnUninterruptedOne()
    {
        using DigitSplit train = Blocks(samples: 100, seed: 5);
        using DigitSplit validation = Blocks(samples: 30, seed: 6);
        string folder = Path.Combine(Path.GetTempPath(), $"mosel-resume-{Guid.NewGuid():N}");
        string Combine(string name) => Path.Combine(folder, name);
        var settings = new TrainingSettings(Seed: 2, MaxEpochs: 3, Patience: 3, TimeLimit: TimeSpan.FromMinutes(5), BatchSize: 64, LearningRate: 1e-3);
        TrainingOutcome straight = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings, checkpointFolder: Combine("straight"));
        TrainingOutcome half = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings with { MaxEpochs = 1 }, checkpointFolder: Combine("resumed"));
        half.Model.Dispose();
        TrainingOutcome resumed = DigitsTrainer.Train(ZooScale.Tiny, train, validation, settings, checkpointFolder: Combine("resumed"), resume: true);
        using (straight.Model)
        using (resumed.Model)
        {
            Assert.Equal(straight.Epochs.Select(e => (e.Epoch, e.Loss, string.Join(",", e.Validation.Select(v => v.Correct)))),
                resumed.Epochs.Select(e => (e.Epoch, e.Loss, string.Join(",", e.Validation.Select(v => v.Correct)))));
            Assert.Equal(straight.BestEpoch, resumed.BestEpoch);
            foreach ((string name, Tensor value) in straight.Model.state_dict())
            {
                Assert.True(value.eq(resumed.Model.state_dict()[name]).all().item<bool>(), name);
            }
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Digit k lights the 8 x 8 block (k / 4, k % 4) of the 32 x 32 spectrogram and the 4 x 4 block (2 (k / 4), 2 (k % 4))
    /// of the 28 x 28 image, over uniform noise of a third of the block's brightness; labels cycle through the digits.
    /// </summary>
    private static DigitSplit Blocks(int samples, int seed)
    {
        using var generator = new Generator((ulong)seed);
        Tensor audio = rand([samples, 1, 32, 32], generator: generator).mul_(0.33);
        Tensor video = rand([samples, 1, 28, 28], generator: generator).mul_(0.33);
        long[] labels = [.. Enumerable.Range(0, samples).Select(i => (long)(i % Classes))];
        for (int i = 0; i < samples; i++)
        {
            int row = (int)labels[i] / 4;
            int column = (int)labels[i] % 4;
            audio[i, 0, TensorIndex.Slice(row * 8, (row * 8) + 8), TensorIndex.Slice(column * 8, (column * 8) + 8)].add_(1.0);
            video[i, 0, TensorIndex.Slice(row * 8, (row * 8) + 4), TensorIndex.Slice(column * 8, (column * 8) + 4)].add_(1.0);
        }
        return new DigitSplit(audio, video, tensor(labels));
    }
}
