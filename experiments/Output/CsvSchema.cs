using CsvHelper;
using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Output;

/// <summary>
/// A result CSV's columns, declared once: the header and every row come from the same list, so they cannot drift
/// apart. Values are written as <see cref="CsvFiles.Field"/> formats them.
/// </summary>
public sealed class CsvSchema<T>(IReadOnlyList<CsvColumn<T>> columns)
{
    // An array, walked by index: Write runs once per job of a run, and an interface enumerator per row showed in the benchmark.
    private readonly CsvColumn<T>[] _columns = columns.ToArray();

    public IReadOnlyList<string> Header { get; } = columns.Select(c => c.Header).ToArray();

    public void WriteHeader(CsvWriter csv)
    {
        foreach (string header in Header)
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
    }

    public void Write(CsvWriter csv, in T row)
    {
        for (int i = 0; i < _columns.Length; i++)
        {
            csv.WriteField(CsvFiles.Field(_columns[i].Value(in row)));
        }
        csv.EndRecord();
    }
}
