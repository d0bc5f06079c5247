using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using Mosel.Experiments.Errors;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Configuration;

/// <summary>Opens a trace file (plain or .gz) and hands it to the reader in src/Sim.</summary>
public static class TraceFile
{
    /// <summary>How many parsed traces are kept (a 22-day per-second trace is about 15 MB parsed).</summary>
    private const int KeptTraces = 4;

    private static readonly Lock s_keptLock = new();
    private static readonly List<(TraceKey Key, ArrivalTrace Trace)> s_kept = new();

    /// <summary>
    /// The trace in the file. The last few read are kept (traces are read-only): a reproduction reads the same 22-day trace
    /// for several configs, and parsing it costs about half a second each time. A file whose bytes changed is read again.
    /// </summary>
    public static ArrivalTrace Load(string path, TraceFormat format)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: trace file not found");
        }
        // Read once: the bytes hashed are the bytes parsed, even if the file changes meanwhile.
        byte[] bytes = File.ReadAllBytes(path);
        var key = new TraceKey(Path.GetFullPath(path), format, Convert.ToHexString(SHA256.HashData(bytes)));
        lock (s_keptLock)
        {
            if (Find(key) is { } kept)
            {
                return kept;
            }
        }
        ArrivalTrace read = Read(path, bytes, format);
        lock (s_keptLock)
        {
            // Another thread may have read the same file meanwhile.
            if (Find(key) is { } other)
            {
                return other;
            }
            if (s_kept.Count == KeptTraces)
            {
                s_kept.RemoveAt(0);
            }
            s_kept.Add((key, read));
        }
        return read;
    }

    /// <summary>The kept trace of the key, or null; the caller holds the lock.</summary>
    private static ArrivalTrace? Find(TraceKey key)
    {
        foreach ((TraceKey kept, ArrivalTrace trace) in s_kept)
        {
            if (kept == key)
            {
                return trace;
            }
        }
        return null;
    }

    private static ArrivalTrace Read(string path, byte[] bytes, TraceFormat format)
    {
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        uint? expectedSize = gzip ? GzipTrailerSize(path, bytes) : null;
        using var file = new MemoryStream(bytes, writable: false);
        using var counted = new CountingStream(gzip ? new GZipStream(file, CompressionMode.Decompress) : file);
        using var reader = new StreamReader(counted);
        ArrivalTrace trace;
        try
        {
            trace = TraceReader.Read(reader, path, format);
        }
        catch (TraceFormatException e)
        {
            // A cut gzip usually ends mid-line: say it is truncated rather than blame the last line.
            if (expectedSize is uint cut && !Whole(counted, cut))
            {
                throw new ConfigException($"{path}: truncated or corrupt gzip file (it ends before its trailer)", e);
            }
            throw new ConfigException(e.Message, e);
        }
        catch (InvalidDataException)
        {
            throw new ConfigException($"{path}: not a valid gzip file (corrupt compressed data)");
        }
        // GZipStream ends quietly at a cut: the trailer's length (mod 2^32) tells a whole file from a truncated one.
        // Only a single-member gzip (what gzip and Python write) is accepted.
        if (expectedSize is uint size && (uint)counted.BytesRead != size)
        {
            throw new ConfigException($"{path}: truncated or corrupt gzip file (decompressed {counted.BytesRead} bytes, its trailer says {size})");
        }
        return trace;
    }

    /// <summary>Reads the rest of the stream and compares its decompressed length with the gzip trailer's.</summary>
    private static bool Whole(CountingStream stream, uint expected)
    {
        try
        {
            stream.CopyTo(Stream.Null);
        }
        catch (InvalidDataException)
        {
            return false;
        }
        return (uint)stream.BytesRead == expected;
    }

    private static uint GzipTrailerSize(string path, byte[] bytes)
    {
        if (bytes.Length < 18 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            throw new ConfigException($"{path}: not a gzip file (a .gz trace must be gzip-compressed)");
        }
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
    }

    /// <summary>Counts the bytes read through it (the decompressed size).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private readonly record struct TraceKey(string Path, TraceFormat Format, string Sha256);
}
