using System.Buffers.Binary;
using System.Text;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Weights;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

public sealed class SafetensorsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mosel-safetensors-" + Guid.NewGuid().ToString("N"));

    public SafetensorsTests()
    {
        LibTorchLoader.Load(TorchDevice.Cpu);
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "its header names a tensor twice")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}}""", "tensor 'a' has shape [4294967296, 4294967296, 4294967296], more elements than any file holds")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,4]}}""", "more elements than any file holds")]
    public void AHeaderThatNamesATensorTwiceOrOverflowsItsShapeIsOneClearLine(string json, string expected)
    {
        // Built byte by byte: the 8-byte length, the header, 4 data bytes. The shapes' element counts wrap around 64 bits
        // (2^96 to 0, 2^62 x 4 bytes to 0), which once made them look like they fit.
        byte[] header = Encoding.UTF8.GetBytes(json);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        string path = Path.Combine(_folder, "bad.safetensors");
        File.WriteAllBytes(path, [.. length, .. header, 0, 0, 0, 0]);

        string message = Assert.Throws<SafetensorsException>(() => SafetensorsFile.ReadEntries(path)).Message;
        Assert.StartsWith($"{path}: not a usable safetensors file: ", message, StringComparison.Ordinal);
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHandBuiltFileReadsAsTheFormatDescribesIt()
    {
        // Built byte by byte from the format's description, not by Mosel's writer: header length (u64 LE), JSON header,
        // data. "a": F32 [2] = 1.5, -2 at bytes 0..8; "b": I64 [1, 1] = 7 at bytes 8..16; metadata {"source": "test"}.
        string json = """{"__metadata__":{"source":"test"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1,1],"data_offsets":[8,16]}}""";
        var bytes = new List<byte>();
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)Encoding.UTF8.GetByteCount(json));
        bytes.AddRange(length);
        bytes.AddRange(Encoding.UTF8.GetBytes(json));
        bytes.AddRange(BitConverter.GetBytes(1.5f));
        bytes.AddRange(BitConverter.GetBytes(-2f));
        bytes.AddRange(BitConverter.GetBytes(7L));
        string path = Path.Combine(_folder, "hand.safetensors");
        File.WriteAllBytes(path, bytes.ToArray());

        Dictionary<string, Tensor> tensors = SafetensorsFile.Read(path, out IReadOnlyDictionary<string, string> metadata);
        Assert.Equal("test", metadata["source"]);
        Assert.Equal(metadata, SafetensorsFile.ReadMetadata(path));
        Assert.Equal([1.5f, -2f], tensors["a"].data<float>().ToArray());
        Assert.Equal([1L, 1L], tensors["b"].shape);
        Assert.Equal(7L, tensors["b"].item<long>());
    }

    [Fact]
    public void WrittenFilesReadBackWithTheirDtypesShapesAndMetadata()
    {
        string path = Path.Combine(_folder, "round.safetensors");
        using Tensor f = arange(12, ScalarType.Float32).reshape(3, 4) / 3;
        using Tensor u = tensor(new byte[] { 0, 9, 255 });
        using Tensor i = tensor(new long[] { -5, 5 });
        SafetensorsFile.Write(path, [("f", f), ("u", u), ("i", i)], new Dictionary<string, string> { ["seed"] = "1" });
        // The header is padded to a multiple of 8 bytes, so the data that follows is aligned.
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(path).AsSpan(0, 8)) % 8);
        Dictionary<string, Tensor> back = SafetensorsFile.Read(path, out IReadOnlyDictionary<string, string> metadata);
        Assert.Equal("1", metadata["seed"]);
        Assert.True(back["f"].allclose(f, rtol: 0, atol: 0));
        Assert.Equal(ScalarType.Byte, back["u"].dtype);
        Assert.Equal([0, 9, 255], back["u"].data<byte>().ToArray());
        Assert.Equal([-5L, 5L], back["i"].data<long>().ToArray());
    }

    [Fact]
    public void ZooWeightsLoadFromACheckpointWithRenamedTensors()
    {
        // A checkpoint as a public one would name it ("model." before every name), mapped back by a prefix rename.
        string path = Path.Combine(_folder, "tvlt.safetensors");
        using (ZooModel source = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 5))
        {
            SafetensorsFile.Write(path, source.state_dict().Select(kv => ("model." + kv.Key, kv.Value)).ToList());
        }
        using ZooModel expected = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 5);
        using ZooModel loaded = ModelZoo.Load("tvlt", ZooScale.Tiny, path, new WeightNameMap([("model.", "")]));
        using ZooModel other = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 6);
        foreach ((string name, Tensor value) in expected.state_dict())
        {
            Assert.True(value.allclose(loaded.state_dict()[name], rtol: 0, atol: 0), $"{name} differs after loading");
        }
        Assert.False(expected.parameters().First().allclose(other.parameters().First()), "another seed gave the same weights");

        // Without the rename every name is unknown: the first model tensor is reported missing.
        string missing = Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, path)).Message;
        Assert.StartsWith($"{path}: no tensor for the model's '", missing);
        Assert.DoesNotContain('\n', missing);
    }

    [Fact]
    public void AWrongShapeAnExtraTensorOrABrokenFileIsOneClearLine()
    {
        using ZooModel model = ModelZoo.Create("tvlt", ZooScale.Tiny);
        List<(string Name, Tensor Tensor)> state = model.state_dict().Select(kv => (kv.Key, kv.Value)).ToList();

        string wrongShape = Path.Combine(_folder, "shape.safetensors");
        using Tensor bad = zeros(3, 5);
        SafetensorsFile.Write(wrongShape, [.. state.Skip(1), (state[0].Name, bad)]);
        string e1 = Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, wrongShape)).Message;
        Assert.Contains($"tensor '{state[0].Name}' has shape [3, 5], the model's '{state[0].Name}' needs [", e1);

        string extra = Path.Combine(_folder, "extra.safetensors");
        SafetensorsFile.Write(extra, [.. state, ("head.unused", bad)]);
        Assert.Contains("tensor 'head.unused' has no place in the model", Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, extra)).Message);

        string whole = Path.Combine(_folder, "whole.safetensors");
        SafetensorsFile.Write(whole, state);
        byte[] bytes = File.ReadAllBytes(whole);
        string truncated = Path.Combine(_folder, "truncated.safetensors");
        File.WriteAllBytes(truncated, bytes[..^4]);
        string e2 = Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, truncated)).Message;
        Assert.Contains("not a usable safetensors file", e2);
        Assert.Contains("outside the file's", e2);

        string garbage = Path.Combine(_folder, "garbage.safetensors");
        File.WriteAllBytes(garbage, [1, 2, 3]);
        Assert.Contains("not a safetensors file", Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, garbage)).Message);
        foreach (string message in new[] { e1, e2 })
        {
            Assert.DoesNotContain('\n', message);
            Assert.DoesNotContain("Exception", message);
        }
    }

    [Fact]
    public void RenamesAreWrittenFromEqualsTo()
    {
        WeightNameMap map = WeightNameMap.Parse(["model.encoder.=encoder.", "model.="]);
        Assert.Equal("encoder.layer0.w", map.ModelName("model.encoder.layer0.w"));
        Assert.Equal("head.bias", map.ModelName("model.head.bias"));
        Assert.Equal("other", map.ModelName("other"));
        Assert.Equal("model.encoder.=encoder., model.=", map.ToString());
        // Only the first '=' separates: the replacement may hold '='.
        Assert.Equal("b=cx", WeightNameMap.Parse(["a=b=c"]).ModelName("ax"));
        foreach (string bad in new[] { "model.", "=encoder." })
        {
            FormatException e = Assert.Throws<FormatException>(() => WeightNameMap.Parse([bad]));
            Assert.Equal($"'{bad}' is not a rename: write FROM=TO, e.g. model.= to drop the prefix 'model.'", e.Message);
        }
    }

    [Fact]
    public void TheHeaderAloneListsEveryTensor()
    {
        string path = Path.Combine(_folder, "entries.safetensors");
        using Tensor f = zeros(2, 3);
        using Tensor u = zeros(new long[] { 4 }, ScalarType.Byte);
        SafetensorsFile.Write(path, [("f", f), ("u", u)], new Dictionary<string, string> { ["a"] = "b" });
        IReadOnlyList<SafetensorsEntry> entries = SafetensorsFile.ReadEntries(path);
        Assert.Equal(["f", "u"], entries.Select(e => e.Name).Order());
        Assert.Equal([2L, 3L], entries.Single(e => e.Name == "f").Shape);
        Assert.Equal("U8", entries.Single(e => e.Name == "u").Dtype);
    }

    [Fact]
    public void AMatchListsEveryProblemNotOnlyTheFirst()
    {
        // The model needs a [2] and b [3]; the file has x.a [2], x.b [4], x.c [1] and y.a [2] (renamed x.=, y.=).
        (string, IReadOnlyList<long>)[] model = [("a", [2]), ("b", [3])];
        SafetensorsEntry[] file = [new("x.a", "F32", [2]), new("x.b", "F32", [4]), new("x.c", "F32", [1]), new("y.a", "F32", [2])];
        WeightsMatch match = WeightsMatch.Of("f.safetensors", model, file, WeightNameMap.Parse(["x.=", "y.="]));
        Assert.Equal(
        [
            "f.safetensors: tensors 'x.a' and 'y.a' both map to the model's 'a'",
            "f.safetensors: tensor 'x.b' has shape [4], the model's 'b' needs [3]",
            "f.safetensors: tensor 'x.c' has no place in the model (as 'c')",
        ], match.Problems);
        Assert.Equal([true, false, false, false], match.Rows.Select(r => r.Fits));
        Assert.Equal(["a", "b", null, null], match.Rows.Select(r => r.ModelName));
        Assert.Equal(["x.a", "x.b", "x.c", "y.a"], match.Rows.Select(r => r.FileName));

        WeightsMatch fits = WeightsMatch.Of("f.safetensors", model, [new("x.a", "F32", [2]), new("x.b", "F32", [3])], WeightNameMap.Parse(["x.="]));
        Assert.Empty(fits.Problems);
        Assert.All(fits.Rows, r => Assert.True(r.Fits));
    }

    [Fact]
    public void RawArraysWriteTheSameFileAsTensors()
    {
        // The same F32 [2, 2] and I64 [1] written from tensors and from their raw bytes: byte-identical files.
        string fromTensors = Path.Combine(_folder, "tensors.safetensors");
        string fromBytes = Path.Combine(_folder, "bytes.safetensors");
        using Tensor f = tensor(new[] { 1f, 2f, 3f, 4f }).reshape(2, 2);
        using Tensor i = tensor(new long[] { 9 });
        var metadata = new Dictionary<string, string> { ["k"] = "v" };
        SafetensorsFile.Write(fromTensors, [("f", f), ("i", i)], metadata);
        SafetensorsFile.Write(fromBytes,
            [(new SafetensorsEntry("f", "F32", [2, 2]), new[] { 1f, 2f, 3f, 4f }.SelectMany(BitConverter.GetBytes).ToArray()), (new SafetensorsEntry("i", "I64", [1]), BitConverter.GetBytes(9L))],
            metadata);
        Assert.Equal(File.ReadAllBytes(fromTensors), File.ReadAllBytes(fromBytes));

        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            SafetensorsFile.Write(Path.Combine(_folder, "short.safetensors"), [(new SafetensorsEntry("f", "F32", [2]), new byte[7])]));
        Assert.StartsWith("tensor 'f': 7 bytes do not fill F32 [2]", e.Message);
    }
}
