using System.IO.Compression;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Opens a trace file (plain or .gz) and hands it to the reader in src/Sim.</summary>
public static class TraceFile
{
    public static ArrivalTrace Load(string path, TraceFormat format)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: trace file not found");
        }
        using FileStream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var reader = new StreamReader(stream);
        try
        {
            return TraceReader.Read(reader, path, format);
        }
        catch (TraceFormatException e)
        {
            throw new ConfigException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigException($"{path}: not a valid gzip file ({e.Message})", e);
        }
    }
}
