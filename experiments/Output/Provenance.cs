using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Output;

/// <summary>
/// provenance.json: what made a results folder — Mosel's version and commit, the machine (OS, .NET, CPU), when, the
/// command line and working directory, and every input file's absolute path and SHA-256. It is the one file in the
/// folder that differs between two runs of the same seed (it holds the date), so it is kept apart from the results.
/// </summary>
public static class Provenance
{

    public static void Write(string path, Study study)
    {
        using FileStream file = System.IO.File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteMachine(json);
        json.WriteString("working_directory", Environment.CurrentDirectory);
        WriteInputs(json, study);
        json.WriteEndObject();
        json.Flush();
        file.WriteByte((byte)'\n');
    }

    /// <summary>Mosel's version and commit, the OS, .NET, the CPU and its cores, the time and the command line: what a number measured here depends on.</summary>
    public static void WriteMachine(Utf8JsonWriter json)
    {
        WriteVersion(json);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
        json.WriteString("cpu", CpuModel());
        json.WriteNumber("cores", Environment.ProcessorCount);
        json.WriteString("written_utc", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("command_line", Invocation.CommandLine);
    }

    /// <summary>
    /// The part of the provenance that the same inputs and the same Mosel always give (version, commit, input files and
    /// their SHA-256), as an object named <c>provenance</c>: summary.json carries it and stays byte-identical across re-runs.
    /// </summary>
    public static void WriteStable(Utf8JsonWriter json, Study study)
    {
        json.WriteStartObject("provenance");
        WriteVersion(json);
        WriteInputs(json, study);
        json.WriteString("machine_and_command", ResultFiles.Provenance);
        json.WriteEndObject();
    }

    /// <summary>Mosel's version and commit as built (<c>0.8.0+abc123…</c>): shards of one study must come from the same build.</summary>
    public static string Build { get; } =
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static void WriteVersion(Utf8JsonWriter json)
    {
        int plus = Build.IndexOf('+', StringComparison.Ordinal);
        json.WriteString("mosel_version", plus < 0 ? Build : Build[..plus]);
        json.WriteString("commit", plus < 0 ? "unknown" : Build[(plus + 1)..]);
    }

    private static void WriteInputs(Utf8JsonWriter json, Study study)
    {
        json.WriteStartArray("inputs");
        foreach ((string role, string input) in InputFiles.Of(study))
        {
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("path", input);
            json.WriteString("sha256", Sha256(input));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The build and input digests a results folder's provenance.json records, or null where it holds none that can be read.</summary>
    public static (string Build, IReadOnlyList<InputDigest> Inputs)? Read(string folder)
    {
        string path = Path.Combine(folder, ResultFiles.Provenance);
        try
        {
            using JsonDocument json = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            JsonElement root = json.RootElement;
            string version = root.GetProperty("mosel_version").GetString() ?? "";
            string commit = root.GetProperty("commit").GetString() ?? "";
            InputDigest[] inputs = root.GetProperty("inputs").EnumerateArray()
                .Select(i => new InputDigest(i.GetProperty("role").GetString() ?? "", i.GetProperty("sha256").GetString() ?? "")).ToArray();
            return (commit == "unknown" ? version : $"{version}+{commit}", inputs);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Every input file's role and SHA-256 (paths differ between the machines shards run on; contents must not).</summary>
    public static IReadOnlyList<InputDigest> InputDigests(Study study) =>
        InputFiles.Of(study).Select(f => new InputDigest(f.Role, Sha256(f.Path))).ToArray();

    /// <summary>A file's SHA-256 in lower-case hex; empty when the file no longer exists.</summary>
    public static string Sha256(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            // Removed since the run read it: nothing left to fingerprint.
            return "";
        }
        using FileStream stream = System.IO.File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>The CPU's model name where the OS tells it (Linux), else the architecture.</summary>
    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (System.IO.File.Exists(cpuinfo))
        {
            string? line = System.IO.File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null && line.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
