using System.Text.Json;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Reporting;

/// <summary>One results folder as <c>mosel report</c> reads it: the study's name and swept keys, its aggregate, runs and accuracy distribution, config and provenance.</summary>
/// <param name="Name">The experiment's name (summary.json's <c>experiment</c>).</param>
/// <param name="Config">config.resolved.yaml as written.</param>
/// <param name="ProvenanceJson">provenance.json as written.</param>
public sealed record StudyResults(string Folder, string Name, IReadOnlyList<string> SweptKeys, CsvTable Aggregate, CsvTable Summary, string Config, string ProvenanceJson)
{
    /// <summary>The columns besides the swept keys that name a parameter point in aggregate.csv.</summary>
    private static readonly string[] s_pointColumns = [ResultColumns.Policy, ResultColumns.LoadQps];

    public static StudyResults Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ConfigException($"{folder}: no such results folder");
        }
        string File(string name) => Path.Combine(folder, name);
        string summaryJson = File(ResultFiles.SummaryJson);
        if (!System.IO.File.Exists(summaryJson))
        {
            throw new ConfigException($"{summaryJson}: not found (is {folder} a folder that mosel simulate wrote?)");
        }
        string name;
        string[] swept;
        try
        {
            using JsonDocument json = JsonDocument.Parse(System.IO.File.ReadAllText(summaryJson));
            name = json.RootElement.GetProperty("experiment").GetString() ?? "";
            swept = json.RootElement.TryGetProperty("swept_keys", out JsonElement keys) ? keys.EnumerateArray().Select(k => k.GetString() ?? "").ToArray() : [];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigException($"{summaryJson}: not a summary.json that Mosel wrote ({e.Message.Split('\n')[0]})", e);
        }
        CsvTable summary = WithRows(File(ResultFiles.Summary));
        CsvTable aggregate = WithRows(File(ResultFiles.Aggregate));
        // Each run once, each parameter point once: a repeated row would attach its numbers to the wrong series.
        Unique(summary, summary.Has(ResultColumns.RunId) ? [summary.Column(ResultColumns.RunId)] : [0], "run");
        int[] pointColumns = [.. swept.Where(aggregate.Has).Select(aggregate.Column), .. s_pointColumns.Where(aggregate.Has).Select(aggregate.Column)];
        Unique(aggregate, pointColumns, "parameter point");
        return new StudyResults(folder, name, swept, aggregate, summary, ReadText(File(ResultFiles.ResolvedConfig)), ReadText(File(ResultFiles.Provenance)));
    }

    /// <summary>The accuracy distribution (job_accuracy.csv) of the given runs.</summary>
    public CsvTable JobAccuracy(IReadOnlySet<string> runIds) =>
        CsvTable.Read(Path.Combine(Folder, ResultFiles.JobAccuracy), row => runIds.Contains(row[0]));

    /// <summary>
    /// The metrics windows of one run as counts, and the configurations whose finished requests they count (as windows.csv
    /// names them). windows.csv is read row by row and only that run's rows are kept (its first column is the run id).
    /// </summary>
    public (WindowCounts[] Windows, string[] Configurations) Windows(string runId)
    {
        CsvTable table = CsvTable.Read(Path.Combine(Folder, ResultFiles.Windows), row => row[0] == runId);
        int[] perConfiguration = [.. Enumerable.Range(0, table.Header.Count).Where(i => table.Header[i].StartsWith(ResultColumns.RequestsPrefix, StringComparison.Ordinal))];
        int start = table.Column(WindowColumns.Start);
        int submitted = table.Column(WindowColumns.Submitted);
        int met = table.Column(WindowColumns.Met);
        int late = table.Column(WindowColumns.Late);
        int dropped = table.Column(WindowColumns.Dropped);
        int accuracy = table.Column(WindowColumns.MeanServedAccuracy);
        WindowCounts[] windows = [.. table.Rows.Select(r => new WindowCounts(table.Number(r, start), table.Number(r, submitted), table.Number(r, met), table.Number(r, late),
            table.Number(r, dropped), table.Number(r, accuracy), perConfiguration.Select(c => table.Number(r, c)).ToArray()))];
        return (windows, [.. perConfiguration.Select(c => table.Header[c][ResultColumns.RequestsPrefix.Length..])]);
    }

    private static void Unique(CsvTable table, int[] columns, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] row in table.Rows)
        {
            string key = string.Join('\u001f', columns.Select(c => c < row.Length ? row[c] : ""));
            if (!seen.Add(key))
            {
                throw new ConfigException($"{table.Path}: a {what} appears twice ({string.Join(", ", columns.Select(c => c < row.Length ? row[c] : ""))}; was the file edited?)");
            }
        }
    }

    /// <summary>A results table with at least one row: a study always has a run, so an empty one was cut short or edited.</summary>
    private static CsvTable WithRows(string path)
    {
        CsvTable table = CsvTable.Read(path);
        return table.Rows.Count > 0 ? table : throw new ConfigException($"{path}: no rows (a results folder holds at least one run; was it cut short or edited?)");
    }

    private static string ReadText(string path) => System.IO.File.Exists(path)
        ? System.IO.File.ReadAllText(path)
        : throw new ConfigException($"{path}: not found (is the folder a Mosel results folder?)");
}
