using System.CommandLine;
using System.Globalization;
using Mosel.Executor.Datasets;
using Mosel.Executor.Execution;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Training;
using Mosel.Executor.Weights;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Profiling;
using Mosel.Experiments.Safety;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel train --dataset DIR --out FILE</c>: trains the av-digits zoo model on the CPU and writes its weights.</summary>
public static class TrainCommand
{
    /// <summary>Metadata key that marks a weights file as Mosel's (a later train may replace it; nothing else is replaced).</summary>
    public const string WrittenBy = "written_by";

    /// <summary>Metadata key of why training stopped: converged, epoch limit or time limit.</summary>
    public const string StoppedKey = "stopped";

    /// <summary>The longest --minutes: a week (the default is ten minutes).</summary>
    private const double MaxMinutes = 10_080;

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "Dataset folder from mosel dataset build", DefaultValueFactory = _ => DatasetCommand.DefaultFolder };
        var output = new Option<string>("--out", "-o") { Description = "Weights file to write (.safetensors)", Required = true };
        var scale = new Option<string>("--scale") { Description = "tiny (2 layers, width 64) or full", DefaultValueFactory = _ => "tiny" };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial weights and the batch order", DefaultValueFactory = _ => TrainingSettings.Default.Seed };
        var epochs = new Option<int>("--epochs") { Description = "Epochs at most", DefaultValueFactory = _ => TrainingSettings.Default.MaxEpochs };
        var patience = new Option<int>("--patience") { Description = "Stop after this many epochs without a better validation accuracy", DefaultValueFactory = _ => TrainingSettings.Default.Patience };
        var minutes = new Option<double>("--minutes") { Description = "Stop after the epoch that passes this many minutes", DefaultValueFactory = _ => TrainingSettings.Default.TimeLimit.TotalMinutes };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted run from its last finished epoch (the checkpoint OUT.checkpoint, kept after every epoch); the same dataset, --seed and --scale, and the limits of this run",
        };
        var command = new Command("train", "Train the av-digits model on a digits dataset (CPU, modality dropout, early stop) and write its weights")
        {
            dataset, output, scale, seed, epochs, patience, minutes, resume,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            double limitMinutes = parse.GetValue(minutes);
            if (!(limitMinutes is > 0 and <= MaxMinutes))
            {
                throw new ConfigException(FormattableString.Invariant($"--minutes: must be above 0 and at most {MaxMinutes} (a week), found {limitMinutes}"));
            }
            var settings = TrainingSettings.Default with
            {
                Seed = parse.GetValue(seed),
                MaxEpochs = parse.GetValue(epochs),
                Patience = parse.GetValue(patience),
                TimeLimit = TimeSpan.FromMinutes(limitMinutes),
            };
            if (settings.MaxEpochs < 1 || settings.Patience < 1)
            {
                throw new ConfigException("--epochs and --patience must be at least 1");
            }
            string outPath = Path.GetFullPath(parse.GetValue(output)!);
            if (!ModelZoo.IsSafetensors(outPath))
            {
                throw new ConfigException($"--out: {outPath}: the weights are written as safetensors; name the file *.safetensors");
            }
            CheckReplaceable(outPath);
            string checkpoint = CheckpointOf(outPath);
            bool resuming = parse.GetValue(resume);
            if (resuming && !TrainingCheckpoint.IsCheckpoint(checkpoint))
            {
                throw new ConfigException($"--resume: no checkpoint at {checkpoint} (mosel train keeps one after every epoch of a run with this --out)");
            }
            if (!resuming && Path.Exists(checkpoint) && !TrainingCheckpoint.IsCheckpoint(checkpoint))
            {
                throw new Safety.OutputRefusedException($"{checkpoint} exists and is not a checkpoint of mosel train; choose another --out");
            }
            string folder = DigitDataset.Check(parse.GetValue(dataset)!);
            LibTorchStatus libtorch = LibTorchLoading.Load(TorchDevice.Cpu, null);
            ZooScale zooScale = CliParsers.Scale(parse.GetValue(scale)!);
            return Train(folder, zooScale, settings, outPath, checkpoint, resuming, libtorch);
        }));
        return command;
    }

    /// <summary>Where a run writing <paramref name="outPath"/> keeps its state after every epoch, until the weights are written.</summary>
    public static string CheckpointOf(string outPath) => outPath + ".checkpoint";

    private static int Train(string folder, ZooScale scale, TrainingSettings settings, string outPath, string checkpoint, bool resume, LibTorchStatus libtorch)
    {
        using DigitSplit train = DigitDataset.Load(folder, DatasetSplit.Train);
        using DigitSplit validation = DigitDataset.Load(folder, DatasetSplit.Validation);
        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ConfigException($"{folder}: training needs samples in both the train and the validation split (found {train.Count} and {validation.Count})");
        }
        TorchRuntime.UseEveryCore();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training on {train.Count} samples ({validation.Count} to validate), {Environment.ProcessorCount} threads, OpenMP waiting {libtorch.OpenMpWaitPolicy.ToLowerInvariant()}; at most {settings.MaxEpochs} epochs, patience {settings.Patience}, {settings.TimeLimit.TotalMinutes:0.#} min"));
        // Ctrl-C stops training after the batch that is running (exiting while libtorch runs crashes in native code).
        CancellationToken interrupted = Interrupts.Cooperative();
        // One plain line per epoch (not a progress bar), so that a log written to a file shows every epoch as it ends.
        TrainingOutcome outcome;
        try
        {
            outcome = DigitsTrainer.Train(scale, train, validation, settings,
                report => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {report.Epoch}/{settings.MaxEpochs}: loss {report.Loss:0.000}, validation {string.Join(", ", report.Validation.Select(v => $"{v.Configuration} {v.Accuracy:P1}"))}, {report.Elapsed.TotalSeconds:0.0} s{(report.IsBest ? " (best so far)" : "")}")),
                (_, _) => interrupted.ThrowIfCancellationRequested(), checkpoint, resume);
        }
        catch (OperationCanceledException) when (TrainingCheckpoint.IsCheckpoint(checkpoint))
        {
            // The weights are not written, but the last finished epoch is: the signal's line names it, --resume continues.
            Interrupts.Committed(checkpoint);
            throw;
        }
        catch (ArgumentException e) when (resume)
        {
            throw new ConfigException($"--resume: {checkpoint}: {e.Message.Split(" (Parameter")[0]}", e);
        }
        using (outcome.Model)
        {
            (ZooModel model, IReadOnlyList<EpochReport> epochs, int bestEpoch, StopReason stop) = outcome;
            EpochReport kept = epochs[bestEpoch - 1];
            var metadata = new Dictionary<string, string>
            {
                [WrittenBy] = "mosel train",
                ["model"] = AvDigitsModel.ZooName,
                ["scale"] = scale.Name,
                ["dataset"] = folder,
                ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
                ["epochs"] = epochs.Count.ToString(CultureInfo.InvariantCulture),
                ["best_epoch"] = bestEpoch.ToString(CultureInfo.InvariantCulture),
                [StoppedKey] = stop.Name(),
                ["validation_accuracy"] = string.Join(", ", kept.Validation.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Configuration} {v.Accuracy:0.0000}"))),
            };
            string staging = Staging.PathFor(outPath);
            using var lease = new StagingLease(staging);
            SafetensorsWeights.Save(model, staging, metadata);
            File.Move(staging, outPath, overwrite: true);
            lease.Keep(outPath);
            // The weights are in place: the checkpoint (Mosel's own, checked above) has done its work.
            if (Directory.Exists(checkpoint))
            {
                Directory.Delete(checkpoint, recursive: true);
            }
            string why = stop switch
            {
                StopReason.Converged => $"converged: {settings.Patience} epochs without a better validation accuracy",
                StopReason.EpochLimit => "stopped at the epoch limit (--epochs) while validation accuracy could still improve",
                _ => "stopped at the time limit (--minutes): training was cut short",
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained {epochs.Count} epochs in {epochs[^1].Elapsed.TotalSeconds:0} s, {why}; kept epoch {bestEpoch} (validation: {metadata["validation_accuracy"]}); wrote {outPath}"));
        }
        return 0;
    }

    /// <summary>An existing file is replaced only when Mosel's train wrote it.</summary>
    private static void CheckReplaceable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new Safety.OutputRefusedException($"{path} is a folder; choose a file for --out");
        }
        if (!File.Exists(path))
        {
            return;
        }
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            metadata = SafetensorsFile.ReadMetadata(path);
        }
        catch (SafetensorsException)
        {
            metadata = new Dictionary<string, string>();
        }
        if (!metadata.TryGetValue(WrittenBy, out string? by) || by != "mosel train")
        {
            throw new Safety.OutputRefusedException($"{path} exists and was not written by mosel train; choose another --out");
        }
    }
}
