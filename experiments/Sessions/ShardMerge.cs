using System.IO.Compression;
using System.Text;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Output;

namespace Mosel.Experiments.Sessions;

/// <summary>
/// <c>mosel merge</c>: the shards of one study (same resolved config, same Mosel build, every shard once) into the
/// results folder the whole study would have written on one machine. Each shard holds its runs in the study's order, so
/// every per-run file is rebuilt by taking each run's block of rows from its shard, in the study's order; the aggregate
/// is computed again from the merged summary (the same values in the same order as one machine would sum).
/// </summary>
public static class ShardMerge
{
    /// <param name="shards">The shard folders, in any order.</param>
    /// <param name="directory">An empty (staging) folder the merged results are written into.</param>
    public static Study Merge(IReadOnlyList<string> shards, string directory)
    {
        ShardManifest[] manifests = shards.Select(s => ShardManifest.Read(s)
            ?? throw new ConfigException($"{s}: not a shard (no {ResultFiles.ShardManifest}; mosel simulate --shard I/N writes one)")).ToArray();
        Check(shards, manifests);
        Study study = LoadStudy(shards[0], manifests[0]);
        ExperimentConfig first = study.Points[0];
        if (first.JobRecords && first.RecordsFormat == RecordsFormat.Parquet)
        {
            throw new ConfigException($"{shards[0]}: the shards hold Parquet records, which merge does not combine; run the shards with output.records_format: csv.gz or csv");
        }
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < shards.Count; s++)
        {
            foreach (string id in manifests[s].RunIds)
            {
                if (!owner.TryAdd(id, s))
                {
                    throw new ConfigException($"{shards[s]}: run {id} is also in {shards[owner[id]]}");
                }
            }
        }
        RunSpec? missing = study.Runs.FirstOrDefault(r => !owner.ContainsKey(r.Id));
        if (missing is not null || owner.Count != study.Runs.Count)
        {
            throw new ConfigException($"{shards[0]}: the shards do not hold the study's {study.Runs.Count} runs (run {missing?.Id ?? "?"}, {missing?.Label}, is in none)");
        }
        string[] order = study.Runs.Select(r => r.Id).ToArray();
        int[] ownerOf = order.Select(id => owner[id]).ToArray();

        File.Copy(Path.Combine(shards[0], ResultFiles.ResolvedConfig), Path.Combine(directory, ResultFiles.ResolvedConfig));
        foreach (string file in ResultFiles.PerRun)
        {
            Interleave(shards, file, gzip: false, order, ownerOf, directory);
        }
        if (first.JobRecords)
        {
            (string jobs, string decisions) = ResultsWriter.RecordFiles(first);
            bool gzip = first.RecordsFormat == RecordsFormat.CsvGzip;
            Interleave(shards, jobs, gzip, order, ownerOf, directory);
            Interleave(shards, decisions, gzip, order, ownerOf, directory);
        }
        IReadOnlyList<AggregatePoint> points = AggregatePoint.Build(SummaryValues(Path.Combine(directory, ResultFiles.Summary), study));
        AggregateFiles.WriteCsv(Path.Combine(directory, ResultFiles.Aggregate), study.SweptKeys, points);
        AggregateFiles.WriteJson(Path.Combine(directory, ResultFiles.SummaryJson), study, points);
        Provenance.Write(Path.Combine(directory, ResultFiles.Provenance), study);
        return study;
    }

    /// <summary>One build, one study on the same input contents, every result file as its shard wrote it, every shard of the same count exactly once.</summary>
    private static void Check(IReadOnlyList<string> shards, ShardManifest[] manifests)
    {
        ShardManifest first = manifests[0];
        for (int s = 0; s < shards.Count; s++)
        {
            if (manifests[s].FirstChangedFile(shards[s]) is string changed)
            {
                throw new ConfigException($"{Path.Combine(shards[s], changed)}: not as the shard wrote it (missing, cut short or edited since; its {ResultFiles.ShardManifest} keeps every result file's SHA-256); run that shard again");
            }
        }
        for (int s = 1; s < shards.Count; s++)
        {
            if (!manifests[s].SameInputs(first))
            {
                InputDigest? differing = manifests[s].Inputs.Zip(first.Inputs).Where(p => p.First != p.Second).Select(p => p.First).FirstOrDefault();
                throw new ConfigException($"{shards[s]}: ran on other inputs than {shards[0]} (the {differing?.Role ?? "input list"} differs by content); merge shards of one study run on the same files");
            }
            if (manifests[s].Build != first.Build)
            {
                throw new ConfigException($"{shards[s]}: written by Mosel {manifests[s].Build}, {shards[0]} by {first.Build}; merge shards of one build");
            }
            if (manifests[s].ConfigSha256 != first.ConfigSha256)
            {
                throw new ConfigException($"{shards[s]}: a different study from {shards[0]} (their {ResultFiles.ResolvedConfig} differ)");
            }
            if (manifests[s].Shards != first.Shards)
            {
                throw new ConfigException($"{shards[s]}: shard {manifests[s].Shard} of {manifests[s].Shards}, but {shards[0]} is one of {first.Shards}");
            }
        }
        for (int i = 0; i < first.Shards; i++)
        {
            string[] holding = shards.Where((_, s) => manifests[s].Shard == i).ToArray();
            if (holding.Length == 0)
            {
                throw new ConfigException($"shard {i} of {first.Shards} is missing (given: {string.Join(", ", manifests.Select(m => m.Shard).Order())})");
            }
            if (holding.Length > 1)
            {
                throw new ConfigException($"shard {i} of {first.Shards} is given twice ({holding[0]}, {holding[1]})");
            }
        }
    }

    /// <summary>The study as the shards ran it: their resolved config, under the path of the config it was resolved from.</summary>
    private static Study LoadStudy(string shard, ShardManifest manifest)
    {
        string resolved = Path.Combine(shard, ResultFiles.ResolvedConfig);
        string source = ResultsWriter.ResolvedFrom(resolved) ?? resolved;
        Study study = ConfigLoader.LoadStudy(ConfigLoader.Read(resolved), source);
        if (ResultsWriter.ConfigFingerprint(study) != manifest.ConfigSha256)
        {
            throw new ConfigException($"{resolved}: does not match its {ResultFiles.ShardManifest} (edited after the shard ran?)");
        }
        return study;
    }

    /// <summary>
    /// Writes <paramref name="file"/> with the first shard's header and every run's rows (its block, rows whose first field
    /// is its id) taken from the shard that ran it, in the study's order; every shard must be read to its end.
    /// </summary>
    private static void Interleave(IReadOnlyList<string> shards, string file, bool gzip, string[] order, int[] ownerOf, string directory)
    {
        var readers = shards.Select(s => Open(Path.Combine(s, file), gzip)).ToArray();
        try
        {
            string[] headers = readers.Select(r => r.ReadLine() ?? "").ToArray();
            for (int s = 1; s < shards.Count; s++)
            {
                if (headers[s] != headers[0])
                {
                    throw new ConfigException($"{Path.Combine(shards[s], file)}: its columns differ from {Path.Combine(shards[0], file)}'s");
                }
            }
            string?[] pending = readers.Select(r => r.ReadLine()).ToArray();
            using Stream output = ResultsWriter.RecordsOutput(Path.Combine(directory, file), gzip);
            using var writer = new StreamWriter(output, new UTF8Encoding(false)) { NewLine = "\n" };
            writer.WriteLine(headers[0]);
            for (int r = 0; r < order.Length; r++)
            {
                int s = ownerOf[r];
                string prefix = order[r] + ",";
                while (pending[s] is string line && line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    writer.WriteLine(line);
                    pending[s] = readers[s].ReadLine();
                }
            }
            int left = Array.FindIndex(pending, p => p is not null);
            if (left >= 0)
            {
                throw new ConfigException($"{Path.Combine(shards[left], file)}: a row of a run that is not this shard's, or out of the study's order: {pending[left]![..Math.Min(60, pending[left]!.Length)]}");
            }
        }
        finally
        {
            foreach (StreamReader reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static StreamReader Open(string path, bool gzip)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: not found (an incomplete shard?)");
        }
        Stream stream = File.OpenRead(path);
        return new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream, Encoding.UTF8);
    }

    /// <summary>Every run's metric values from the merged summary.csv, in the study's order.</summary>
    private static (RunSpec, double[])[] SummaryValues(string path, Study study)
    {
        CsvTable summary = CsvTable.Read(path);
        int[] columns = SummaryColumns.All.Select(c => summary.Column(c.CsvName)).ToArray();
        return study.Runs.Zip(summary.Rows, (run, row) => (run, columns.Select(c => summary.Number(row, c)).ToArray())).ToArray();
    }
}
