using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Execution;

/// <summary>
/// Runs each micro-batch of a job for real: the zoo model's forward pass over the configuration's
/// modalities at the batch size the strategy gives, timed on the wall clock after a device synchronise.
/// Without labelled samples, inputs are random (seeded), made once at the profile's largest batch size; a smaller batch is
/// a view of its first rows. With them, the requests take the samples one after another in a seeded shuffled order,
/// starting over after the last, so every sample is used equally often (give or take one); a job's requests are
/// consecutive (distinct samples while a job is no larger than the set), its micro-batches take them in configuration
/// order, and the job records how many predictions were right.
/// </summary>
public sealed class TorchExecutor : IExecutor, IDisposable
{
    private readonly ZooModel _model;
    private readonly ModelProfile _profile;
    private readonly TorchDevice _device;
    private readonly Precision _precision;
    private readonly Dictionary<string, Tensor> _inputs;
    private readonly string[][] _modalities;
    private readonly Dictionary<string, Tensor>? _samples;
    private readonly Tensor? _labels;
    private readonly int[] _order = [];
    private long _nextSample;

    /// <param name="samples">A labelled test set whose samples the requests carry (scored), or null for random inputs (not scored).</param>
    public TorchExecutor(ZooModel model, ModelProfile profile, TorchDevice device, Precision precision, int seed, LabelledSamples? samples = null)
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
        if (samples is not null)
        {
            try
            {
                _samples = Copy(samples, model, profile);
            }
            catch (ArgumentException)
            {
                Dispose();
                throw;
            }
            _labels = samples.Labels.to(ScalarType.Int64, TorchRuntime.DeviceOf(device), copy: true);
            _order = Shuffled(samples.Count, seed);
        }
    }

    /// <summary>The samples' inputs of the profile's modalities on the executor's device and in its precision, checked against the model's input shapes.</summary>
    private Dictionary<string, Tensor> Copy(LabelledSamples samples, ZooModel model, ModelProfile profile)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("the labelled samples are empty");
        }
        foreach (string modality in profile.Modalities)
        {
            long[] shape = model.Inputs.Single(i => i.Modality == modality).Shape;
            if (!samples.Inputs.TryGetValue(modality, out Tensor? input) || !input.shape.SequenceEqual([samples.Count, .. shape]))
            {
                throw new ArgumentException($"the labelled samples have no {modality} input of shape [{samples.Count}, {string.Join(", ", shape)}] for {model.GetName()}");
            }
        }
        // Checked first, copied after: a refusal leaves no copy behind.
        return profile.Modalities.ToDictionary(m => m, m => samples.Inputs[m].to(TorchRuntime.TypeOf(_precision), TorchRuntime.DeviceOf(_device), copy: true));
    }

    private static int[] Shuffled(int count, int seed)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        SeedStreams.Create((ulong)seed, "test-samples").Shuffle(order);
        return order;
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
        // The job's samples are reserved as one block: live workers run jobs at the same time, and a job's requests stay consecutive.
        long first = _samples is null ? 0 : Interlocked.Add(ref _nextSample, job.Size) - job.Size;
        int correct = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }
            if (_samples is null)
            {
                seconds += RunMicroBatch(c, counts[c]);
            }
            else
            {
                seconds += RunScoredMicroBatch(c, first, counts[c], out int right);
                correct += right;
            }
            first += counts[c];
        }
        if (_samples is not null)
        {
            job.RecordCorrect(correct);
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

    /// <summary>As <see cref="RunMicroBatch"/>, on the samples <paramref name="first"/>.. of the shuffled order; counts the right predictions.</summary>
    private double RunScoredMicroBatch(int configuration, long first, int batch, out int correct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, _profile.MaxBatchSize);
        using var scope = NewDisposeScope();
        var rows = new long[batch];
        for (int k = 0; k < batch; k++)
        {
            rows[k] = _order[(first + k) % _order.Length];
        }
        Tensor index = tensor(rows, device: TorchRuntime.DeviceOf(_device));
        Dictionary<string, Tensor> inputs = _modalities[configuration].ToDictionary(m => m, m => _samples![m].index_select(0, index));
        return TorchRuntime.TimeForward(_model, inputs, _device, _labels!.index_select(0, index), out correct);
    }

    public void Dispose()
    {
        foreach (Tensor tensor in _inputs.Values)
        {
            tensor.Dispose();
        }
        _inputs.Clear();
        foreach (Tensor tensor in _samples?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
        _samples?.Clear();
        _labels?.Dispose();
    }
}
