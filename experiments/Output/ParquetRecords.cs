using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Mosel.Experiments.Output;

/// <summary>
/// Writes the runs' record parts (CSV rows without a header, one part per run, as the recorders stream them) as one
/// Parquet file. Each column's type is read off the values: whole numbers where every value is one, else numbers where
/// every value is one, else text; an empty field is a null. Rows go in run order, 100,000 to a row group.
/// </summary>
public static class ParquetRecords
{
    private const int RowGroupRows = 100_000;

    private enum Kind
    {
        Whole,
        Number,
        Text,
    }

    public static void Write(string path, IReadOnlyList<string> header, IReadOnlyList<string> parts) =>
        WriteAsync(path, header, parts).GetAwaiter().GetResult();

    private static async Task WriteAsync(string path, IReadOnlyList<string> header, IReadOnlyList<string> parts)
    {
        Kind[] kinds = Infer(header.Count, parts);
        DataField[] fields = header.Select((name, i) => kinds[i] switch
        {
            Kind.Whole => (DataField)new DataField<long?>(name),
            Kind.Number => new DataField<double?>(name),
            _ => new DataField<string>(name, true),
        }).ToArray();
        await using var file = new FileStream(path, FileMode.CreateNew);
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest }))
        {
            var rows = new List<string[]>(RowGroupRows);
            foreach (string part in parts)
            {
                foreach (string[] row in Rows(part))
                {
                    rows.Add(row);
                    if (rows.Count == RowGroupRows)
                    {
                        await WriteRowGroup(writer, fields, kinds, rows);
                        rows.Clear();
                    }
                }
            }
            if (rows.Count > 0 || parts.Count == 0)
            {
                await WriteRowGroup(writer, fields, kinds, rows);
            }
        }
    }

    private static async Task WriteRowGroup(ParquetWriter writer, DataField[] fields, Kind[] kinds, List<string[]> rows)
    {
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Length; c++)
        {
            int column = c;
            switch (kinds[c])
            {
                case Kind.Whole:
                    await group.WriteAsync<long>(fields[c], rows.Select(r => r[column].Length == 0 ? (long?)null : long.Parse(r[column], CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                case Kind.Number:
                    await group.WriteAsync<double>(fields[c], rows.Select(r => r[column].Length == 0 ? (double?)null : double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                default:
                    await group.WriteAsync(fields[c], rows.Select(r => r[column]).ToArray());
                    break;
            }
        }
    }

    /// <summary>The narrowest kind that holds every non-empty value of each column, over every part.</summary>
    private static Kind[] Infer(int columns, IReadOnlyList<string> parts)
    {
        var kinds = new Kind[columns];
        foreach (string[] row in parts.SelectMany(Rows))
        {
            for (int c = 0; c < columns; c++)
            {
                string value = row[c];
                if (value.Length == 0 || kinds[c] == Kind.Text)
                {
                    continue;
                }
                if (kinds[c] == Kind.Whole && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    kinds[c] = Kind.Number;
                }
                if (kinds[c] == Kind.Number && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    kinds[c] = Kind.Text;
                }
            }
        }
        return kinds;
    }

    private static IEnumerable<string[]> Rows(string part)
    {
        using CsvReader csv = CsvReader.FromFile(part, new CsvReaderOptions { HasHeader = false });
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i);
            }
            yield return row;
        }
    }
}
