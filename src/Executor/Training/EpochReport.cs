namespace Mosel.Executor.Training;

/// <summary>One epoch of training: its mean loss and the validation accuracy per configuration (and their mean, which the early stop watches).</summary>
public sealed record EpochReport(int Epoch, double Loss, IReadOnlyList<ConfigurationAccuracy> Validation, TimeSpan Elapsed)
{
    public double MeanValidationAccuracy => Validation.Average(v => v.Accuracy);

    /// <summary>Whether this epoch's mean validation accuracy beat every earlier epoch's (of the run, a continued one's included).</summary>
    public bool IsBest { get; init; }
}
