using System.Diagnostics;
using System.Runtime.InteropServices;
using Mosel.Executor.Execution;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Profiling;

/// <summary>
/// One measured point: a configuration at one precision and batch size. Peak memory is the process's peak
/// resident memory on CPU; on CUDA it is not measured (TorchSharp 0.107 exposes no CUDA memory statistics).
/// </summary>
public sealed record ProfilePoint(string Configuration, Precision Precision, int BatchSize, double MedianMs, double MeanMs, int Runs, double? PeakMemoryBytes);

/// <summary>What to measure.</summary>
public sealed record ProfilerSettings(IReadOnlyList<int> BatchSizes, IReadOnlyList<Precision> Precisions, TorchDevice Device, int Warmups = 3, int Runs = 10, int Seed = 1);

/// <summary>A configuration whose largest batch did not fit in device memory.</summary>
public sealed record OutOfMemory(string Configuration, Precision Precision, int FailedBatchSize, int? LargestFittingBatchSize);

/// <summary>
/// Times every configuration x precision x batch size of a zoo model: warm-ups, then timed runs, each
/// synchronised with the device, reporting median and mean (the MOSEL reference profiler's protocol).
/// Out-of-memory at a batch size is caught: the configuration stops there and the largest batch that
/// fitted is recorded.
/// </summary>
public sealed class ModelProfiler
{
    private readonly ProfilerSettings _settings;

    public ModelProfiler(ProfilerSettings settings)
    {
        if (settings.Runs < 1 || settings.Warmups < 0 || settings.BatchSizes.Count == 0 || settings.BatchSizes.Any(b => b < 1))
        {
            throw new ArgumentException("the profiler needs at least one run and positive batch sizes", nameof(settings));
        }
        _settings = settings;
    }

    public List<OutOfMemory> OutOfMemory { get; } = new();

    /// <summary>Configurations in profile order (most modalities first, then by name).</summary>
    public static IReadOnlyList<string[]> Configurations(ZooModel model) =>
        Enumerable.Range(1, (1 << model.Modalities.Count) - 1)
            .Select(mask => model.Modalities.Where((_, i) => (mask & (1 << i)) != 0).ToArray())
            .OrderByDescending(s => s.Length).ThenBy(s => string.Join('+', s), StringComparer.Ordinal)
            .ToArray();

    public IEnumerable<ProfilePoint> Run(ZooModel model, Action<string>? progress = null)
    {
        Device device = TorchRuntime.DeviceOf(_settings.Device);
        model.eval();
        foreach (Precision precision in _settings.Precisions)
        {
            model.to(device, TorchRuntime.TypeOf(precision));
            using var generator = new Generator((ulong)_settings.Seed, device);
            foreach (string[] configuration in Configurations(model))
            {
                string name = string.Join('+', configuration);
                int? fitted = null;
                foreach (int batch in _settings.BatchSizes.Order())
                {
                    progress?.Invoke($"{model.GetName()} {precision.ToName()} {name} batch {batch}");
                    ProfilePoint? point = Measure(model, configuration, precision, batch, device, generator);
                    if (point is null)
                    {
                        OutOfMemory.Add(new OutOfMemory(name, precision, batch, fitted));
                        break;
                    }
                    fitted = batch;
                    yield return point;
                }
            }
        }
    }

    private ProfilePoint? Measure(ZooModel model, string[] configuration, Precision precision, int batch, Device device, Generator generator)
    {
        var times = new double[_settings.Runs];
        bool measureMemory = _settings.Device == TorchDevice.Cpu && ProcessMemory.Available;
        if (measureMemory)
        {
            ProcessMemory.ResetPeak();
        }
        try
        {
            using var scope = NewDisposeScope();
            using var grad = no_grad();
            Dictionary<string, Tensor> inputs = model.RandomInputs(batch, configuration, device, TorchRuntime.TypeOf(precision), generator);
            for (int i = 0; i < _settings.Warmups; i++)
            {
                model.call(inputs).Dispose();
            }
            TorchRuntime.Synchronize(_settings.Device);
            for (int i = 0; i < _settings.Runs; i++)
            {
                long started = Stopwatch.GetTimestamp();
                using (Tensor output = model.call(inputs))
                {
                    TorchRuntime.Synchronize(_settings.Device);
                }
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException && TorchRuntime.IsOutOfMemory(e))
        {
            return null;
        }
        double[] sorted = times.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new ProfilePoint(string.Join('+', configuration), precision, batch, median, times.Average(), times.Length,
            measureMemory ? ProcessMemory.PeakBytes() : null);
    }
}
