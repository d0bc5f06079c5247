using System.Globalization;
using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace Mosel.Experiments.Tests;

/// <summary>Per-job and per-decision records in each format hold the same rows: gzip CSV, plain CSV and typed Parquet.</summary>
public sealed class RecordsFormatTests
{
    [Fact]
    public async Task ParquetRecordsHoldTheCsvRecordsTyped()
    {
        using var scratch = new Scratch();
        string[] Run(string format)
        {
            string folder = scratch.Combine(format);
            (int code, _, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf("experiments/configs/smoke.yaml"), "--out", folder,
                "--set", "scheduler.decision_time=none", "--set", $"output.records_format={format}");
            Assert.Equal((0, ""), (code, error));
            return Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray()!;
        }
        Assert.Contains("jobs.parquet", Run("parquet"));
        Assert.Contains("jobs.csv.gz", Run("csv.gz"));
        using var gzip = new StreamReader(new GZipStream(File.OpenRead(scratch.Combine("csv.gz/jobs.csv.gz")), CompressionMode.Decompress));
        string[][] csv = gzip.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();

        await using ParquetReader parquet = await ParquetReader.CreateAsync(scratch.Combine("parquet/jobs.parquet"), cancellationToken: TestContext.Current.CancellationToken);
        DataField[] fields = parquet.Schema.GetDataFields();
        Assert.Equal(csv[0], fields.Select(f => f.Name));
        Assert.Equal(typeof(long), fields.Single(f => f.Name == "seed").ClrType);
        Assert.Equal(typeof(double), fields.Single(f => f.Name == "finish_s").ClrType);
        Assert.Contains(fields.Single(f => f.Name == "outcome").ClrType, new[] { typeof(string), typeof(ReadOnlyMemory<char>) });   // text, as the reader offers it

        // Every column of every row: the Parquet value, written as the CSV writes a value (shortest round-trip doubles,
        // empty for null), is the csv.gz field.
        var columns = new List<string>[fields.Length];
        for (int c = 0; c < fields.Length; c++)
        {
            columns[c] = [];
        }
        CancellationToken token = TestContext.Current.CancellationToken;
        for (int g = 0; g < parquet.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = parquet.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            for (int c = 0; c < fields.Length; c++)
            {
                DataField field = fields[c];
                if (field.ClrType == typeof(long))
                {
                    var values = new long?[n];
                    await group.ReadAsync<long>(field, values.AsMemory(), cancellationToken: token);
                    columns[c].AddRange(values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? ""));
                }
                else if (field.ClrType == typeof(double))
                {
                    var values = new double?[n];
                    await group.ReadAsync<double>(field, values.AsMemory(), cancellationToken: token);
                    columns[c].AddRange(values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
                }
                else
                {
                    var values = new string?[n];
                    await group.ReadAsync(field, values.AsMemory(), cancellationToken: token);
                    columns[c].AddRange(values.Select(v => v ?? ""));
                }
            }
        }
        Assert.All(fields, f => Assert.Contains(f.ClrType, new[] { typeof(long), typeof(double), typeof(string), typeof(ReadOnlyMemory<char>) }));
        Assert.True(csv.Length > 100, $"only {csv.Length - 1} jobs");
        Assert.All(columns, column => Assert.Equal(csv.Length - 1, column.Count));
        for (int i = 1; i < csv.Length; i++)
        {
            Assert.Equal(fields.Length, csv[i].Length);
            for (int c = 0; c < fields.Length; c++)
            {
                Assert.True(csv[i][c] == columns[c][i - 1], $"row {i}, {fields[c].Name}: csv '{csv[i][c]}', parquet '{columns[c][i - 1]}'");
            }
        }
        Assert.True(File.Exists(scratch.Combine("parquet/decisions.parquet")));
    }
}
