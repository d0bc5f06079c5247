using Mosel.Experiments.Configuration;
using Mosel.Experiments.Output;
using Mosel.Experiments.Profiling;
using Mosel.Experiments.Running;
using Mosel.Executor.Profiling;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Sessions;

/// <summary>
/// The same trace through the profile-replay executor and through real forward passes. Unless told to keep the
/// config's profile, the profile is first re-measured here (same model, scale and device, written into the
/// results folder), so both executors describe the same hardware.
/// </summary>
public static class FidelitySession
{
    private const string TorchOverride = "executor.kind=torch";

    /// <summary>The config with real execution switched on, as <see cref="Run"/> takes it.</summary>
    public static ExperimentConfig Load(string configPath, IReadOnlyList<string> overrides) =>
        ConfigLoader.Load(configPath, [.. overrides, TorchOverride]);

    /// <param name="torchConfig">From <see cref="Load"/>, with the same path and overrides.</param>
    public static IReadOnlyList<FidelityRow> Run(ExperimentConfig torchConfig, IReadOnlyList<string> overrides, string directory, bool remeasure,
        Action<string> log, Func<Func<ProfilingProgress?, ModelProfile>, ModelProfile> withProgress)
    {
        TorchExecution torch = torchConfig.Torch!;
        if (remeasure)
        {
            Precision[] precisions = torchConfig.Policies.Select(Policies.PolicyCatalog.PrecisionOf).Distinct().ToArray();
            int[] sizes = torchConfig.Profile.Table(precisions[0], 0).BatchSizes.ToArray();
            log($"re-measuring {torch.Model} ({torch.Scale.Name}) on {torch.Device} at batch sizes {string.Join(",", sizes)}");
            var request = new ProfileRequest(torch.Model, torch.Scale, torch.Device, sizes, precisions, 10, 3, torch.WeightNames, torch.Weights);
            ModelProfile measured = withProgress(progress => ProfileMeasurement.Measure(request, torch.LibTorch, progress, out IReadOnlyList<OutOfMemory> _));
            string profilePath = Path.Combine(directory, "profile.measured.yaml");
            ProfileFile.Save(measured, $"{torch.Model} re-measured for mosel fidelity", profilePath);
            torchConfig = ConfigLoader.Load(torchConfig.SourcePath, [.. overrides, TorchOverride, $"profile={profilePath}"]);
        }
        ExperimentConfig replayConfig = ConfigLoader.Validate(torchConfig.Options.WithProfileReplay(torchConfig.Options.Profile!), torchConfig.SourcePath);
        log("running the trace with profile replay, then with real forward passes");
        IReadOnlyList<RunOutcome> replay = ExperimentRunner.Run(replayConfig, parallelism: 1);
        IReadOnlyList<RunOutcome> real = ExperimentRunner.Run(torchConfig);
        IReadOnlyList<FidelityRow> rows = FidelityReport.Compare(replay, real);
        FidelityReport.Write(Path.Combine(directory, "fidelity.csv"), rows);
        return rows;
    }
}
