using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Mosel.Executor.Weights;

/// <summary>
/// The safetensors format, as public checkpoints use it: an 8-byte little-endian header length, a JSON header naming
/// each tensor's dtype, shape and byte range (plus an optional "__metadata__" map of strings), then the raw little-endian
/// data. Reading checks every range against the file, so a truncated or hand-edited file is one clear error.
/// </summary>
public static class SafetensorsFile
{
    private const string MetadataKey = "__metadata__";

    // The dtypes Mosel reads and writes: safetensors name, libtorch type, bytes per element.
    private static readonly (string Name, ScalarType Type, int Size)[] s_dtypes =
    [
        ("F64", ScalarType.Float64, 8), ("F32", ScalarType.Float32, 4), ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2), ("I64", ScalarType.Int64, 8), ("I32", ScalarType.Int32, 4),
        ("I16", ScalarType.Int16, 2), ("I8", ScalarType.Int8, 1), ("U8", ScalarType.Byte, 1), ("BOOL", ScalarType.Bool, 1),
    ];

    /// <summary>Every tensor of the file, on the CPU, by name.</summary>
    public static Dictionary<string, Tensor> Read(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        using FileStream stream = OpenHeader(path, out JsonObject entries, out long dataStart);
        long dataLength = stream.Length - dataStart;
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            metadata = Metadata(path, entries);
            foreach ((string name, JsonNode? node) in entries)
            {
                if (name != MetadataKey)
                {
                    tensors[name] = ReadTensor(path, stream, name, node, dataStart, dataLength);
                }
            }
        }
        catch
        {
            foreach (Tensor tensor in tensors.Values)
            {
                tensor.Dispose();
            }
            throw;
        }
        return tensors;
    }

    /// <summary>The file's "__metadata__" strings, read from its header alone.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using FileStream stream = OpenHeader(path, out JsonObject entries, out _);
        return Metadata(path, entries);
    }

    /// <summary>Every tensor's name, dtype and shape, in the header's order, read (and checked) from the header alone.</summary>
    public static IReadOnlyList<SafetensorsEntry> ReadEntries(string path)
    {
        using FileStream stream = OpenHeader(path, out JsonObject entries, out long dataStart);
        long dataLength = stream.Length - dataStart;
        var described = new List<SafetensorsEntry>();
        foreach ((string name, JsonNode? node) in entries)
        {
            if (name != MetadataKey)
            {
                ((string dtype, _, _), long[] shape, _) = Describe(path, name, node, dataLength);
                described.Add(new SafetensorsEntry(name, dtype, shape));
            }
        }
        return described;
    }

    /// <summary>Opens the file and parses its header; the stream is left at the start of the data.</summary>
    private static FileStream OpenHeader(string path, out JsonObject entries, out long dataStart)
    {
        if (!File.Exists(path))
        {
            throw new SafetensorsException($"{path}: file not found");
        }
        FileStream stream = File.OpenRead(path);
        try
        {
            Span<byte> lengthBytes = stackalloc byte[8];
            if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
            {
                throw new SafetensorsException($"{path}: not a safetensors file (shorter than its 8-byte header length)");
            }
            ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            if (headerLength > (ulong)(stream.Length - 8) || headerLength > int.MaxValue)
            {
                throw new SafetensorsException($"{path}: not a safetensors file (header length {headerLength} exceeds the file)");
            }
            byte[] header = new byte[headerLength];
            stream.ReadExactly(header);
            dataStart = 8 + (long)headerLength;
            entries = ParseHeader(path, header);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static Dictionary<string, string> Metadata(string path, JsonObject entries)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entries[MetadataKey] is { } node)
        {
            foreach ((string key, JsonNode? value) in node as JsonObject ?? throw Bad(path, $"'{MetadataKey}' is not a map of strings"))
            {
                metadata[key] = value is JsonValue v && v.TryGetValue(out string? text) ? text : throw Bad(path, $"'{MetadataKey}.{key}' is not a string");
            }
        }
        return metadata;
    }

    /// <summary>Writes the tensors (any device; copied to the CPU one at a time) in the given order, with optional string metadata.</summary>
    public static void Write(string path, IReadOnlyList<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var entries = new SafetensorsEntry[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            (string name, Tensor tensor) = tensors[i];
            (string dtype, _, _) = Dtype(tensor.dtype) ?? throw new ArgumentException($"tensor '{name}': {tensor.dtype} has no safetensors dtype", nameof(tensors));
            entries[i] = new SafetensorsEntry(name, dtype, tensor.shape);
        }
        WriteFile(path, entries, metadata, (i, stream) =>
        {
            using Tensor cpu = tensors[i].Tensor.detach().cpu().contiguous();
            stream.Write(cpu.bytes);
        });
    }

    /// <summary>
    /// Writes arrays given as raw little-endian bytes (no libtorch needed), in the given order, with optional string
    /// metadata; each array's bytes must fill its dtype and shape exactly.
    /// </summary>
    public static void Write(string path, IReadOnlyList<(SafetensorsEntry Entry, byte[] Data)> arrays, IReadOnlyDictionary<string, string>? metadata = null)
    {
        foreach ((SafetensorsEntry entry, byte[] data) in arrays)
        {
            if (Bytes(entry) is not long bytes || data.LongLength != bytes)
            {
                throw new ArgumentException($"tensor '{entry.Name}': {data.LongLength} bytes do not fill {entry.Dtype} [{string.Join(", ", entry.Shape)}]", nameof(arrays));
            }
        }
        WriteFile(path, arrays.Select(a => a.Entry).ToArray(), metadata, (i, stream) => stream.Write(arrays[i].Data));
    }

    /// <summary>The header for the entries, then each entry's data in order, written by <paramref name="writeData"/>.</summary>
    private static void WriteFile(string path, SafetensorsEntry[] entries, IReadOnlyDictionary<string, string>? metadata, Action<int, Stream> writeData)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach ((string key, string value) in metadata)
            {
                meta[key] = value;
            }
            header[MetadataKey] = meta;
        }
        long offset = 0;
        foreach (SafetensorsEntry entry in entries)
        {
            long bytes = Bytes(entry) ?? throw new ArgumentException($"tensor '{entry.Name}': '{entry.Dtype}' is not a safetensors dtype", nameof(entries));
            header[entry.Name] = new JsonObject
            {
                ["dtype"] = entry.Dtype,
                ["shape"] = new JsonArray(entry.Shape.Select(d => (JsonNode)d).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // The format lets the header end in spaces; padding it to 8 bytes keeps the data aligned for readers that map the file.
        int padded = (json.Length + 7) / 8 * 8;
        using FileStream stream = File.Create(path);
        Span<byte> lengthBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)padded);
        stream.Write(lengthBytes);
        stream.Write(json);
        for (int i = json.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }
        for (int i = 0; i < entries.Length; i++)
        {
            writeData(i, stream);
        }
    }

    /// <summary>The bytes an entry's data takes, or null for a dtype Mosel does not know.</summary>
    private static long? Bytes(SafetensorsEntry entry)
    {
        return Dtype(entry.Dtype) is { } dtype ? entry.Shape.Aggregate(1L, (a, b) => a * b) * dtype.Size : null;
    }

    private static JsonObject ParseHeader(string path, byte[] header)
    {
        try
        {
            JsonObject entries = JsonNode.Parse(header) as JsonObject ?? throw Bad(path, "its header is not a JSON object");
            // A JsonObject builds its dictionary on first use, where a name given twice throws: make that happen here.
            _ = entries.Count;
            return entries;
        }
        catch (JsonException e)
        {
            throw Bad(path, $"its header is not valid JSON ({e.Message.Split('.')[0]})");
        }
        catch (ArgumentException)
        {
            throw Bad(path, "its header names a tensor twice");
        }
    }

    private static Tensor ReadTensor(string path, FileStream stream, string name, JsonNode? node, long dataStart, long dataLength)
    {
        ((string Name, ScalarType Type, int Size) dtype, long[] shape, long[] range) = Describe(path, name, node, dataLength);
        var bytes = new byte[range[1] - range[0]];
        stream.Position = dataStart + range[0];
        stream.ReadExactly(bytes);
        Tensor tensor = empty(shape, dtype.Type);
        tensor.bytes = bytes;
        return tensor;
    }

    /// <summary>A header entry's dtype, shape and byte range, checked against each other and the file's data length.</summary>
    private static ((string Name, ScalarType Type, int Size) Dtype, long[] Shape, long[] Range) Describe(string path, string name, JsonNode? node, long dataLength)
    {
        if (node is not JsonObject entry)
        {
            throw Bad(path, $"tensor '{name}' is not described by an object");
        }
        string dtypeName = entry["dtype"] is JsonValue d && d.TryGetValue(out string? text) ? text : throw Bad(path, $"tensor '{name}' has no dtype");
        (string Name, ScalarType Type, int Size) dtype = Dtype(dtypeName)
            ?? throw Bad(path, $"tensor '{name}' has dtype '{dtypeName}', which Mosel does not read ({string.Join(", ", s_dtypes.Select(t => t.Name))})");
        long[] shape = Longs(path, name, entry["shape"], "shape");
        long[] range = Longs(path, name, entry["data_offsets"], "data_offsets");
        if (shape.Any(s => s < 0) || range.Length != 2 || range[0] < 0 || range[1] < range[0] || range[1] > dataLength)
        {
            throw Bad(path, $"tensor '{name}' has shape [{string.Join(", ", shape)}] and bytes [{string.Join(", ", range)}], outside the file's {dataLength} data bytes");
        }
        long bytes;
        try
        {
            bytes = checked(shape.Aggregate(1L, (a, b) => a * b) * dtype.Size);
        }
        catch (OverflowException)
        {
            throw Bad(path, $"tensor '{name}' has shape [{string.Join(", ", shape)}], more elements than any file holds");
        }
        if (range[1] - range[0] != bytes)
        {
            throw Bad(path, $"tensor '{name}' holds {range[1] - range[0]} bytes, but {dtypeName} [{string.Join(", ", shape)}] needs {bytes}");
        }
        return (dtype, shape, range);
    }

    private static long[] Longs(string path, string name, JsonNode? node, string key)
    {
        if (node is not JsonArray array)
        {
            throw Bad(path, $"tensor '{name}' has no {key} list");
        }
        return array.Select(n => n is JsonValue v && v.TryGetValue(out long x) ? x : throw Bad(path, $"tensor '{name}': {key} holds a value that is not an integer")).ToArray();
    }

    private static (string Name, ScalarType Type, int Size)? Dtype(ScalarType type) => Find(d => d.Type == type);

    /// <summary>A dtype by its safetensors name (F32, U8, …), or null for one Mosel does not know.</summary>
    private static (string Name, ScalarType Type, int Size)? Dtype(string name) => Find(d => d.Name == name);

    private static (string Name, ScalarType Type, int Size)? Find(Predicate<(string Name, ScalarType Type, int Size)> match) =>
        Array.FindIndex(s_dtypes, match) is int i and >= 0 ? s_dtypes[i] : null;

    private static SafetensorsException Bad(string path, string why) => new($"{path}: not a usable safetensors file: {why}");
}
