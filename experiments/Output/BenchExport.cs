using System.Text.Json;
using Mosel.Experiments.Safety;

namespace Mosel.Experiments.Output;

/// <summary>
/// <c>mosel bench … --json FILE</c>: the figures a benchmark printed, with the machine, runtime and commit they were
/// measured on, so that the speed history can be compared across machines and builds. Written through a staging file;
/// an existing file is replaced only when a Mosel bench wrote it.
/// </summary>
public static class BenchExport
{
    private const string WrittenBy = "mosel bench";

    /// <summary>Refuses, before any measuring, a file that a Mosel bench did not write.</summary>
    public static void CheckTarget(string path)
    {
        if (Directory.Exists(path))
        {
            throw new OutputRefusedException($"--json: {path} is a folder; choose a file");
        }
        if (File.Exists(path) && !WrittenByBench(path))
        {
            throw new OutputRefusedException($"--json: {path} exists and was not written by mosel bench; choose another file");
        }
    }

    /// <param name="bench">Which benchmark (sim, solvers, reproduce).</param>
    /// <param name="settings">What it was run with (hours, policies, repetitions…), each as it was given.</param>
    public static void Write(string path, string bench, IReadOnlyDictionary<string, string> settings, IReadOnlyList<BenchFigure> figures)
    {
        CheckTarget(path);
        string staging = Staging.PathFor(path);
        using var lease = new StagingLease(staging);
        using (FileStream file = File.Create(staging))
        using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("written_by", WrittenBy);
            json.WriteString("bench", bench);
            Provenance.WriteMachine(json);
            json.WriteStartObject("settings");
            foreach ((string key, string value) in settings)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
            json.WriteStartArray("figures");
            foreach (BenchFigure figure in figures)
            {
                json.WriteStartObject();
                json.WriteString("name", figure.Name);
                json.WriteString("unit", figure.Unit);
                json.WriteNumber("median", figure.Median);
                json.WriteNumber("min", figure.Min);
                json.WriteNumber("max", figure.Max);
                json.WriteNumber("repetitions", figure.Repetitions);
                if (figure.CpuSecondsMedian is double cpu)
                {
                    json.WriteNumber("cpu_seconds_median", cpu);
                }
                if (figure.AllocatedBytesPerJob is double bytes)
                {
                    json.WriteNumber("allocated_bytes_per_job", bytes);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(staging, path, overwrite: true);
        lease.Keep(path);
    }

    private static bool WrittenByBench(string path)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("written_by", out JsonElement by) && by.GetString() == WrittenBy;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
