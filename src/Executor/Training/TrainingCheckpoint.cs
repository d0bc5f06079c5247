using System.Globalization;
using System.Text.Json;
using Mosel.Executor.Models;
using Mosel.Executor.Weights;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mosel.Executor.Training;

/// <summary>
/// Training's state after an epoch, so that an interrupted run continues where it stopped and ends with the weights an
/// uninterrupted one would have: the model's and the best epoch's tensors (state.safetensors, with the epochs so far and
/// what the run was started with in its metadata) and Adam's moments (optimizer.bin). Written into a staging folder
/// beside the checkpoint and moved into place whole, so a checkpoint is never half-written.
/// </summary>
public sealed record TrainingCheckpoint(IReadOnlyList<EpochReport> Epochs, int BestEpoch, IReadOnlyDictionary<string, string> Identity)
{
    public const string WrittenBy = "mosel train checkpoint";
    private const string StateFile = "state.safetensors";
    private const string OptimizerFile = "optimizer.bin";
    private const string ModelPrefix = "model/";
    private const string BestPrefix = "best/";
    private const string WithGradient = "with_gradient";

    /// <summary>Whether the folder holds a checkpoint this writes (what a later run may replace).</summary>
    public static bool IsCheckpoint(string folder)
    {
        string state = Path.Combine(folder, StateFile);
        try
        {
            return File.Exists(state) && SafetensorsFile.ReadMetadata(state).TryGetValue("written_by", out string? by) && by == WrittenBy;
        }
        catch (SafetensorsException)
        {
            return false;
        }
    }

    /// <summary>Writes the state after an epoch, replacing the folder's earlier checkpoint.</summary>
    public static void Write(string folder, ZooModel model, IReadOnlyDictionary<string, Tensor> best, OptimizerHelper optimizer, IReadOnlyList<EpochReport> epochs,
        int bestEpoch, IReadOnlyDictionary<string, string> identity)
    {
        string staging = folder + ".staging";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        var metadata = new Dictionary<string, string>(identity)
        {
            ["written_by"] = WrittenBy,
            ["best_epoch"] = bestEpoch.ToString(CultureInfo.InvariantCulture),
            // Zeroing keeps a gradient tensor once a parameter has one, and Adam moves every parameter that has one (its
            // moments carry on with a zero gradient), not only those the batch's modalities reach: a continued run must
            // start with the same parameters holding gradients.
            [WithGradient] = string.Join(',', model.named_parameters().Where(p => p.parameter.grad is not null).Select(p => p.name)),
            ["epochs"] = JsonSerializer.Serialize(epochs.Select(e => new EpochRecord(e.Epoch, e.Loss, e.Elapsed.TotalSeconds,
                [.. e.Validation.Select(v => new AccuracyRecord(v.Configuration, v.Correct, v.Samples))]))),
        };
        SafetensorsFile.Write(Path.Combine(staging, StateFile),
            [.. model.state_dict().Select(kv => (ModelPrefix + kv.Key, kv.Value)), .. best.Select(kv => (BestPrefix + kv.Key, kv.Value))], metadata);
        optimizer.save_state_dict(Path.Combine(staging, OptimizerFile));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.Move(staging, folder);
    }

    /// <summary>Reads a checkpoint: restores the model's tensors and the optimiser's moments, and returns the best epoch's tensors (owned by the caller) with the history.</summary>
    public static (TrainingCheckpoint Checkpoint, Dictionary<string, Tensor> Best) Restore(string folder, ZooModel model, OptimizerHelper optimizer)
    {
        Dictionary<string, Tensor> tensors = SafetensorsFile.Read(Path.Combine(folder, StateFile), out IReadOnlyDictionary<string, string> metadata);
        var best = new Dictionary<string, Tensor>();
        using (no_grad())
        {
            foreach ((string name, Tensor value) in model.state_dict())
            {
                value.copy_(tensors[ModelPrefix + name]);
                best[name] = tensors[BestPrefix + name].clone();
            }
        }
        foreach (Tensor tensor in tensors.Values)
        {
            tensor.Dispose();
        }
        optimizer.load_state_dict(Path.Combine(folder, OptimizerFile));
        HoldGradients(model, metadata[WithGradient].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        EpochRecord[] records = JsonSerializer.Deserialize<EpochRecord[]>(metadata["epochs"]) ?? [];
        EpochReport[] epochs = [.. records.Select(r => new EpochReport(r.Epoch, r.Loss,
            [.. r.Validation.Select(v => new ConfigurationAccuracy(v.Configuration, v.Correct, v.Samples))], TimeSpan.FromSeconds(r.ElapsedSeconds)))];
        var identity = metadata.Where(kv => kv.Key is not ("written_by" or "best_epoch" or "epochs" or WithGradient)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return (new TrainingCheckpoint(epochs, int.Parse(metadata["best_epoch"], CultureInfo.InvariantCulture), identity), best);
    }

    /// <summary>Gives exactly the named parameters a zero gradient (a backward pass through each times zero), as the interrupted run had.</summary>
    private static void HoldGradients(ZooModel model, HashSet<string> names)
    {
        Tensor[] held = [.. model.named_parameters().Where(p => names.Contains(p.name)).Select(p => p.parameter)];
        if (held.Length == 0)
        {
            return;
        }
        using var scope = NewDisposeScope();
        Tensor zero = held.Select(p => p.sum().mul(0)).Aggregate((a, b) => a.add(b));
        zero.backward();
    }

    /// <summary>What the identity of a checkpoint holds: everything a continued run must share with the one that wrote it.</summary>
    public static Dictionary<string, string> IdentityOf(ZooScale scale, TrainingSettings settings, int trainSamples, int validationSamples) => new()
    {
        ["scale"] = scale.Name,
        ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
        ["batch_size"] = settings.BatchSize.ToString(CultureInfo.InvariantCulture),
        ["learning_rate"] = settings.LearningRate.ToString("R", CultureInfo.InvariantCulture),
        ["train_samples"] = trainSamples.ToString(CultureInfo.InvariantCulture),
        ["validation_samples"] = validationSamples.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record EpochRecord(int Epoch, double Loss, double ElapsedSeconds, AccuracyRecord[] Validation);

    private sealed record AccuracyRecord(string Configuration, int Correct, int Samples);
}
