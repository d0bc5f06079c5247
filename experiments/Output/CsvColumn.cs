namespace Mosel.Experiments.Output;

/// <summary>One column of a result CSV: its header and how a row fills it.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, object?> Value);
