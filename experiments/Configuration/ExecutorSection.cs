using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using Mosel.Experiments.Datasets;

namespace Mosel.Experiments.Configuration;

/// <summary>Checks <c>executor:</c> (profile replay or torch, clock, noise, estimate factors) without loading libtorch or reading weights.</summary>
public static class ExecutorSection
{
    private static readonly Dictionary<string, TorchDevice> s_devices = new() { ["cpu"] = TorchDevice.Cpu, ["cuda"] = TorchDevice.Cuda };

    /// <param name="folder">The config file's folder: a relative weights path is relative to it.</param>
    public static ExecutorPlan? Validate(ExecutorOptions executor, string folder, ConfigErrors v)
    {
        v.Check(executor.Kind is "profile" or "torch", "executor.kind", $"must be 'profile' or 'torch', found '{executor.Kind}'");
        TorchPlan? torch = null;
        bool torchOk = true;
        if (executor.Kind == "torch")
        {
            TorchDevice? device = v.OneOf(executor.Device, "executor.device", s_devices, "'cpu' or 'cuda'");
            bool scaleOk = v.Check(executor.Scale is "full" or "tiny", "executor.scale", $"must be 'full' or 'tiny', found '{executor.Scale}'");
            string? weights = executor.Weights is null ? null : Path.GetFullPath(Path.Combine(folder, executor.Weights));
            bool splitOk = v.Check(executor.DatasetSplit is DatasetSplit.Test or DatasetSplit.Validation, "executor.dataset_split",
                $"must be '{DatasetSplit.Test}' or '{DatasetSplit.Validation}', found '{executor.DatasetSplit}'");
            ScoringSplit? dataset = executor.Dataset is null || !splitOk ? null
                : new ScoringSplit(Path.GetFullPath(Path.Combine(folder, executor.Dataset)), executor.DatasetSplit);
            WeightNameMap? names = WeightNames(executor, weights, v);
            torchOk = device is not null && scaleOk && names is not null && splitOk;
            torch = torchOk ? new TorchPlan(device!.Value, ZooScale.Parse(executor.Scale), executor.Libtorch, weights, names!, dataset, executor.Warmup) : null;
        }
        else
        {
            v.Check(executor.Dataset is null, "executor.dataset", "scores real predictions, so it needs executor.kind: torch");
            v.Check(executor.WeightsMap is null, "executor.weights_map", "renames a checkpoint's tensors, so it needs executor.kind: torch");
        }
        v.Check(executor.Clock is "virtual" or "wall", "executor.clock", $"must be 'virtual' or 'wall', found '{executor.Clock}'");
        v.Check(executor.NoiseCv is >= 0 and <= ConfigLimits.MaxNoiseCv, "executor.noise_cv", $"must be in [0, {ConfigLimits.MaxNoiseCv}], found {executor.NoiseCv}");
        v.Check(executor.EstimateFactor is >= ConfigLimits.MinFactor and <= ConfigLimits.MaxFactor, "executor.estimate_factor",
            $"must be in [{ConfigLimits.MinFactor}, {ConfigLimits.MaxFactor}], found {executor.EstimateFactor}");
        v.Check(executor.EstimateNoiseCv is >= 0 and <= ConfigLimits.MaxNoiseCv, "executor.estimate_noise_cv", $"must be in [0, {ConfigLimits.MaxNoiseCv}], found {executor.EstimateNoiseCv}");
        foreach ((string config, double factor) in executor.EstimateFactors ?? [])
        {
            v.Check(factor is >= ConfigLimits.MinFactor and <= ConfigLimits.MaxFactor, $"executor.estimate_factors.{config}",
                $"must be in [{ConfigLimits.MinFactor}, {ConfigLimits.MaxFactor}], found {factor}");
        }
        return torchOk
            ? new ExecutorPlan(torch, executor.Clock == "wall", executor.NoiseCv, executor.EstimateFactor, executor.EstimateFactors ?? [], executor.EstimateNoiseCv)
            : null;
    }

    /// <summary>The checkpoint renames: only for a .safetensors file (TorchSharp's own format has no names to map); null when they are wrong.</summary>
    private static WeightNameMap? WeightNames(ExecutorOptions executor, string? weights, ConfigErrors v)
    {
        if (executor.WeightsMap is null)
        {
            return WeightNameMap.Identity;
        }
        if (!v.Check(weights is not null && ModelZoo.IsSafetensors(weights), "executor.weights_map", "renames a .safetensors checkpoint's tensors, so it needs executor.weights: FILE.safetensors"))
        {
            return null;
        }
        try
        {
            return WeightNameMap.Parse(executor.WeightsMap);
        }
        catch (FormatException e)
        {
            v.Add("executor.weights_map", e.Message);
            return null;
        }
    }
}
