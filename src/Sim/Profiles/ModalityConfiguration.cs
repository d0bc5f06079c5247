namespace Mosel.Sim.Profiles;

/// <summary>
/// One non-empty subset of a model's modalities, with the accuracy the model reaches on it.
/// <see cref="Accuracy"/> is always a higher-is-better fraction in [0, 1]; <see cref="PublishedValue"/>
/// keeps the number as the source reports it (percent, WER, ...).
/// </summary>
public sealed record ModalityConfiguration(string Name, IReadOnlyList<string> Modalities, double Accuracy, double PublishedValue);
