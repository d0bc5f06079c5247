using System.Runtime.InteropServices;
using MathNet.Numerics.Statistics;
using Mosel.Executor.Execution;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Profiling;

/// <summary>
/// Times every configuration x precision x batch size of a zoo model, each pass synchronised with the device,
/// reporting median and mean (the MOSEL reference profiler's protocol). Per configuration, an untimed pass in
/// increasing batch size warms every batch size up (at least once), measures its memory and finds where memory
/// runs out: the configuration stops there and the largest batch that fitted is recorded. Then the timed
/// runs go in rounds over all batch sizes, so a slow spell of a shared host touches every batch size a little
/// instead of one batch size wholly.
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

    /// <param name="progress">Called once per measured point with what was measured.</param>
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
                foreach (ProfilePoint point in MeasureConfiguration(model, configuration, precision, device, generator))
                {
                    progress?.Invoke($"{model.GetName()} {precision.ToName()} {point.Configuration} batch {point.BatchSize}");
                    yield return point;
                }
            }
        }
    }

    private List<ProfilePoint> MeasureConfiguration(ZooModel model, string[] configuration, Precision precision, Device device, Generator generator)
    {
        string name = string.Join('+', configuration);
        var fitted = new List<(int Batch, double? PeakBytes)>();
        foreach (int batch in _settings.BatchSizes.Order())
        {
            double? peakBytes = WarmUp(model, configuration, precision, batch, device, generator, out bool outOfMemory);
            if (outOfMemory)
            {
                OutOfMemory.Add(new OutOfMemory(name, precision, batch, fitted.Count > 0 ? fitted[^1].Batch : null));
                break;
            }
            fitted.Add((batch, peakBytes));
        }
        if (fitted.Count == 0)
        {
            return [];
        }

        using var scope = NewDisposeScope();
        // One input at the largest batch that fitted; a smaller batch is a view of its first rows, as in the executor.
        Dictionary<string, Tensor> largest = model.RandomInputs(fitted[^1].Batch, configuration, device, TorchRuntime.TypeOf(precision), generator);
        Dictionary<string, Tensor>[] inputs = fitted.Select(f => largest.ToDictionary(p => p.Key, p => p.Value.narrow(0, 0, f.Batch))).ToArray();
        double[][] times = fitted.Select(_ => new double[_settings.Runs]).ToArray();
        for (int run = 0; run < _settings.Runs; run++)
        {
            for (int b = 0; b < fitted.Count; b++)
            {
                times[b][run] = TorchRuntime.TimeForward(model, inputs[b], _settings.Device) * 1000;
            }
        }
        return fitted.Select((f, b) => new ProfilePoint(name, precision, f.Batch, times[b].Median(), times[b].Mean(), _settings.Runs, f.PeakBytes,
            times[b].LowerQuartile(), times[b].UpperQuartile())).ToList();
    }

    /// <summary>Untimed passes at one batch size (at least one); the process's peak resident memory on the CPU.</summary>
    private double? WarmUp(ZooModel model, string[] configuration, Precision precision, int batch, Device device, Generator generator, out bool outOfMemory)
    {
        bool measureMemory = _settings.Device == TorchDevice.Cpu && ProcessMemory.Available;
        if (measureMemory)
        {
            ProcessMemory.ResetPeak();
        }
        try
        {
            using var scope = NewDisposeScope();
            Dictionary<string, Tensor> inputs = model.RandomInputs(batch, configuration, device, TorchRuntime.TypeOf(precision), generator);
            for (int i = 0; i < Math.Max(1, _settings.Warmups); i++)
            {
                TorchRuntime.TimeForward(model, inputs, _settings.Device);
            }
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException && TorchRuntime.IsOutOfMemory(e))
        {
            outOfMemory = true;
            return null;
        }
        outOfMemory = false;
        return measureMemory ? ProcessMemory.PeakBytes() : null;
    }
}
