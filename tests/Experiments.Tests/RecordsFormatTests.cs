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

        var ids = new List<long?>();
        var finish = new List<double?>();
        var outcome = new List<string?>();
        for (int g = 0; g < parquet.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = parquet.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var idColumn = new long?[n];
            var finishColumn = new double?[n];
            var outcomeColumn = new string?[n];
            await group.ReadAsync<long>(fields.Single(f => f.Name == "job_id"), idColumn.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<double>(fields.Single(f => f.Name == "finish_s"), finishColumn.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync(fields.Single(f => f.Name == "outcome"), outcomeColumn.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            ids.AddRange(idColumn);
            finish.AddRange(finishColumn);
            outcome.AddRange(outcomeColumn);
        }
        Assert.Equal(csv.Length - 1, ids.Count);
        int idAt = Array.IndexOf(csv[0], "job_id");
        int finishAt = Array.IndexOf(csv[0], "finish_s");
        int outcomeAt = Array.IndexOf(csv[0], "outcome");
        for (int i = 1; i < csv.Length; i++)
        {
            Assert.Equal(long.Parse(csv[i][idAt], CultureInfo.InvariantCulture), ids[i - 1]);
            Assert.Equal(csv[i][finishAt].Length == 0 ? null : double.Parse(csv[i][finishAt], CultureInfo.InvariantCulture), finish[i - 1]);
            Assert.Equal(csv[i][outcomeAt], outcome[i - 1]);
        }
        Assert.True(File.Exists(scratch.Combine("parquet/decisions.parquet")));
    }
}
