using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Execution;

/// <summary>
/// Runs each micro-batch of a job for real: the zoo model's forward pass over the configuration's
/// modalities at the batch size the strategy gives, timed on the wall clock after a device synchronise.
/// Inputs are random (seeded), made once at the profile's largest batch size; a smaller batch is a view of its first rows.
/// </summary>
public sealed class TorchExecutor : IExecutor, IDisposable
{
    private readonly ZooModel _model;
    private readonly ModelProfile _profile;
    private readonly TorchDevice _device;
    private readonly Precision _precision;
    private readonly Dictionary<string, Tensor> _inputs;
    private readonly string[][] _modalities;

    public TorchExecutor(ZooModel model, ModelProfile profile, TorchDevice device, Precision precision, int seed)
    {
        foreach (string modality in profile.Modalities)
        {
            if (!model.Modalities.Contains(modality))
            {
                throw new ArgumentException($"profile '{profile.Name}' has modality '{modality}' but zoo model '{model.GetName()}' has {string.Join(", ", model.Modalities)}");
            }
        }
        _model = model;
        _profile = profile;
        _device = device;
        _precision = precision;
        _model.eval();
        _model.to(TorchRuntime.DeviceOf(device), TorchRuntime.TypeOf(precision));
        _modalities = profile.Configurations.Select(c => c.Modalities.ToArray()).ToArray();
        using var generator = new Generator((ulong)seed, TorchRuntime.DeviceOf(device));
        _inputs = model.RandomInputs(profile.MaxBatchSize, profile.Modalities, TorchRuntime.DeviceOf(device), TorchRuntime.TypeOf(precision), generator);
    }

    /// <summary>
    /// Runs every configuration at every batch size once, untimed: the first pass at a new shape pays for
    /// kernel selection and allocator growth, which would otherwise land on the first jobs of a run.
    /// </summary>
    public void WarmUp()
    {
        for (int c = 0; c < _modalities.Length; c++)
        {
            for (int batch = 1; batch <= _profile.MaxBatchSize; batch++)
            {
                RunMicroBatch(c, batch);
            }
        }
    }

    public double Execute(Job job, Precision precision)
    {
        if (precision != _precision)
        {
            throw new InvalidOperationException($"the torch executor runs {_precision.ToName()} but the policy asked for {precision.ToName()}");
        }
        ReadOnlySpan<int> counts = job.Strategy.Counts;
        double seconds = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                seconds += RunMicroBatch(c, counts[c]);
            }
        }
        return seconds;
    }

    /// <summary>Wall-clock seconds of one forward pass of <paramref name="batch"/> requests with configuration <paramref name="configuration"/>.</summary>
    private double RunMicroBatch(int configuration, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, _profile.MaxBatchSize);
        using var views = NewDisposeScope();
        Dictionary<string, Tensor> inputs = _modalities[configuration].ToDictionary(m => m, m => _inputs[m].narrow(0, 0, batch));
        return TorchRuntime.TimeForward(_model, inputs, _device);
    }

    public void Dispose()
    {
        foreach (Tensor tensor in _inputs.Values)
        {
            tensor.Dispose();
        }
        _inputs.Clear();
    }
}
