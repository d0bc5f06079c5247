using Mosel.Executor.Models;

namespace Mosel.Executor.Training;

/// <summary>A trained model (the best epoch's weights), every epoch's report, which epoch was kept and why training stopped.</summary>
public sealed record TrainingOutcome(ZooModel Model, IReadOnlyList<EpochReport> Epochs, int BestEpoch, StopReason Stop);
