namespace Mosel.Experiments.Configuration;

/// <summary><c>output.records_format</c>: how the per-job and per-decision records are written.</summary>
public enum RecordsFormat
{
    /// <summary>jobs.csv.gz, decisions.csv.gz (the default).</summary>
    CsvGzip,

    /// <summary>jobs.csv, decisions.csv.</summary>
    Csv,

    /// <summary>jobs.parquet, decisions.parquet: typed columns, compressed, one row group per run or per 100,000 rows.</summary>
    Parquet,
}
