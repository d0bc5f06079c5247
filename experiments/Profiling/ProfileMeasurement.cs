using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Profiling;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Safety;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>Measures a zoo model into a profile the simulator reads (shared by <c>mosel profile</c> and <c>mosel fidelity</c>).</summary>
public static class ProfileMeasurement
{
    public static ModelProfile Measure(ProfileRequest request, LibTorchStatus status, ProfilingProgress? progress, out IReadOnlyList<OutOfMemory> outOfMemory)
    {
        using ZooModel model = LoadModel(request);
        var profiler = new ModelProfiler(new ProfilerSettings(request.BatchSizes, request.Precisions, request.Device, request.Warmups, request.Runs));
        int total = ModelProfiler.Configurations(model).Count * request.BatchSizes.Length * request.Precisions.Length;
        // Run is lazy and fills OutOfMemory as it goes: measure everything before reading it.
        List<ProfilePoint> points = profiler.Run(model, progress is null ? null : point => progress(total, point)).ToList();
        outOfMemory = profiler.OutOfMemory;
        if (profiler.OutOfMemory.Any(o => o.LargestFittingBatchSize is null))
        {
            throw new LibTorchException($"{request.Model}: even batch {request.BatchSizes.Min()} does not fit in device memory");
        }
        (AccuracyMetric metric, Dictionary<string, double> accuracy) = request.AccuracyDataset is string dataset
            ? MeasuredAccuracy.Of(model, dataset, WeightsText(request))
            : PublishedAccuracy.Load(RepoPaths.Resolve("profiles/accuracy"), PublishedAccuracy.EntryForModel[request.Model]);
        // A configuration that ran out of memory keeps only the batch sizes that fitted: cut every table to the common prefix.
        int common = points.GroupBy(p => (p.Configuration, p.Precision)).Min(g => g.Count());
        var kept = points.GroupBy(p => (p.Configuration, p.Precision)).SelectMany(g => g.OrderBy(p => p.BatchSize).Take(common)).ToArray();
        return MeasuredProfile.Build(request.Model, model.Modalities, kept, metric, accuracy, DeviceDescription.Of(request.Device), request.Scale.Name, status, WeightsText(request));
    }

    /// <summary>The weights as the provenance names them: the file, and the renames its tensor names went through.</summary>
    private static string? WeightsText(ProfileRequest request) =>
        request.WeightNames.ToString() is { Length: > 0 } renames ? $"{request.Weights} (tensor renames {renames})" : request.Weights;

    private static ZooModel LoadModel(ProfileRequest request)
    {
        try
        {
            return request.Weights is null
                ? ModelZoo.Create(request.Model, request.Scale)
                : ModelZoo.Load(request.Model, request.Scale, request.Weights, request.WeightNames);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }
}
