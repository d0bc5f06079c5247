using System.Globalization;
using CsvHelper;

namespace Mosel.Experiments.Formats;

/// <summary>Culture-invariant CSV writers, so result files are byte-identical across machines.</summary>
public static class CsvFiles
{
    public static CsvWriter Create(string path)
    {
        var options = new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        return CsvWriter.Create(File.Create(path), options, leaveOpen: false);
    }

    public static void WriteRow(this CsvWriter csv, params object?[] fields)
    {
        foreach (object? field in fields)
        {
            csv.WriteField(Field(field));
        }
        csv.EndRecord();
    }

    /// <summary>How every result file writes a value: doubles in shortest round-trip form, NaN and null as empty fields.</summary>
    public static string Field(object? value) => value switch
    {
        double d => Format(d),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Shortest round-trip form; NaN as an empty field.</summary>
    public static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
