using System.Globalization;
using Mosel.Executor.Native;
using Mosel.Executor.Profiling;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Profiling;

/// <summary>Turns profiler measurements into a profile the simulator reads.</summary>
public static class MeasuredProfile
{
    public static ModelProfile Build(string model, IReadOnlyList<string> modalities, IReadOnlyList<ProfilePoint> points,
        AccuracyMetric metric, IReadOnlyDictionary<string, double> accuracy, string device, string scale, LibTorchStatus libtorch, string? weights = null)
    {
        var latency = new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>();
        var adjusted = new List<string>();
        foreach (var byPrecision in points.GroupBy(p => p.Precision))
        {
            var tables = new Dictionary<string, LatencyTable>();
            foreach (var byConfiguration in byPrecision.GroupBy(p => p.Configuration))
            {
                ProfilePoint[] ordered = byConfiguration.OrderBy(p => p.BatchSize).ToArray();
                (double[] values, int[] changed) = MonotoneLatency.SuffixMinimum(ordered.Select(p => p.MedianMs).ToArray());
                adjusted.AddRange(changed.Select(i => $"{byPrecision.Key.ToName()} {byConfiguration.Key} b={ordered[i].BatchSize}: {ordered[i].MedianMs:0.###} -> {values[i]:0.###}"));
                string key = $"latency.{byPrecision.Key.ToName()}.{byConfiguration.Key}";
                double[]? memory = ordered.All(p => p.PeakMemoryBytes is not null) ? ordered.Select(p => p.PeakMemoryBytes!.Value).ToArray() : null;
                tables[byConfiguration.Key] = LatencyTable.Create(key, ordered.Select(p => p.BatchSize).ToArray(), values.Select(v => Math.Round(v, 4)).ToArray(), memory,
                    (ordered.Select(p => Math.Round(p.Q1Ms, 4)).ToArray(), ordered.Select(p => Math.Round(p.Q3Ms, 4)).ToArray()));
            }
            latency[byPrecision.Key] = tables;
        }
        string provenance = $"Measured {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by `mosel profile` (TorchSharp, {(weights is null ? "random weights" : $"weights {weights}")}, {scale} scale, " +
            $"median of {(points.Count > 0 ? points[0].Runs : 0)} synchronised runs after warm-ups, their quartiles in latency_q1_ms and latency_q3_ms; memory_bytes: {(points.Any(p => p.PeakMemoryBytes is null) ? "not measured (no CUDA memory statistics in TorchSharp 0.107)" : "peak resident memory of the process per point")}) with libtorch {libtorch.Version} from {libtorch.Source}. " +
            "Latency tables made non-decreasing by a suffix minimum; points changed: " + (adjusted.Count == 0 ? "none" : string.Join("; ", adjusted)) + ".";
        return ModelProfile.Create(model, modalities, metric, accuracy, latency, device, provenance);
    }
}
