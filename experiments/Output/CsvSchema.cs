using CsvHelper;

namespace Mosel.Experiments.Output;

/// <summary>
/// A result CSV's columns, declared once: the header and every row come from the same list, so they cannot drift
/// apart. Values are written as <see cref="CsvFiles.Field"/> formats them.
/// </summary>
public sealed class CsvSchema<T>(IReadOnlyList<CsvColumn<T>> columns)
{
    public IReadOnlyList<string> Header { get; } = columns.Select(c => c.Header).ToArray();

    public void WriteHeader(CsvWriter csv)
    {
        foreach (string header in Header)
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
    }

    public void Write(CsvWriter csv, T row)
    {
        foreach (CsvColumn<T> column in columns)
        {
            csv.WriteField(CsvFiles.Field(column.Value(row)));
        }
        csv.EndRecord();
    }
}
