using CsvHelper;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Formats;

/// <summary>A result CSV read whole: its header and rows as text, columns looked up by name.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => c.i, StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>A numeric field, null where it is empty (a load of "the trace as shaped").</summary>
    public double? NumberOrNull(string[] row, int column) => Number(row, column) is var value && double.IsNaN(value) ? null : value;

    /// <summary>A numeric field: empty is NaN (undefined), anything else not a number is one error line naming the file and column.</summary>
    public double Number(string[] row, int column)
    {
        string field = row[column];
        if (field.Length == 0)
        {
            return double.NaN;
        }
        return double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ConfigException($"{Path}: column {Header[column]}: '{field}' is not a number");
    }

    public int Column(string column) => _columns.TryGetValue(column, out int i)
        ? i
        : throw new ConfigException($"{Path}: no column '{column}' (not a results file this version of Mosel wrote?)");

    /// <summary>Reads the file; <paramref name="keep"/>, when given, filters rows as they are read (for files too large to hold).</summary>
    public static CsvTable Read(string path, Func<string[], bool>? keep = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: not found (is the folder a Mosel results folder?)");
        }
        using CsvReader csv = CsvReader.FromFile(path, new CsvReaderOptions());
        string[] header = csv.Headers.ToArray();
        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ConfigException($"{path}:1: the column '{twice.Key}' is named twice (not a header Mosel wrote)");
        }
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i);
            }
            if (row.Length != header.Length)
            {
                throw new ConfigException($"{path}:{csv.RowNumber + 1}: {row.Length} fields where the header has {header.Length}");
            }
            if (keep is null || keep(row))
            {
                rows.Add(row);
            }
        }
        return new CsvTable(path, header, rows);
    }
}
