namespace Mosel.Experiments.Output;

/// <summary>Reads one column's value from a row; by reference, since a row of jobs.csv is a large struct written millions of times.</summary>
public delegate object? CsvValue<T>(in T row);

/// <summary>One column of a result CSV: its header and how a row fills it.</summary>
public sealed record CsvColumn<T>(string Header, CsvValue<T> Value);
