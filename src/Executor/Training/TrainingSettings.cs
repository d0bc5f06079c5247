namespace Mosel.Executor.Training;

/// <summary>How <c>mosel train</c> trains: seed, epochs at most, patience of the early stop (epochs without a better validation accuracy), time limit, batch size, learning rate.</summary>
public sealed record TrainingSettings(int Seed, int MaxEpochs, int Patience, TimeSpan TimeLimit, int BatchSize, double LearningRate)
{
    public static TrainingSettings Default { get; } = new(1, 60, 8, TimeSpan.FromMinutes(10), 64, 1e-3);
}
