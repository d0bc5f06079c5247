using System.Diagnostics;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

public sealed class ZooTests
{
    /// <summary>Full input geometry (so full token counts) with one narrow layer: cheap to build and run on a CPU.</summary>
    private static readonly ZooScale s_fullGeometry = new("full", 1, 64, 4, 128);

    public ZooTests() => LibTorchLoader.Load(TorchDevice.Cpu);

    public static TheoryData<string> Models => new(ModelZoo.Names);

    private static IEnumerable<string[]> Subsets(IReadOnlyList<string> modalities) =>
        Enumerable.Range(1, (1 << modalities.Count) - 1)
            .Select(mask => modalities.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryConfigurationRunsAtBatchOneAndTwo(string name)
    {
        using ZooModel model = ModelZoo.Create(name, ZooScale.Tiny);
        model.eval();
        using var generator = new Generator(7);
        foreach (string[] subset in Subsets(model.Modalities))
        {
            foreach (int batch in new[] { 1, 2 })
            {
                using var scope = NewDisposeScope();
                using var grad = no_grad();
                Dictionary<string, Tensor> inputs = model.RandomInputs(batch, subset, CPU, ScalarType.Float32, generator);
                Tensor output = model.call(inputs);
                Assert.Equal(batch, output.shape[0]);
                Assert.Equal(model.Outputs, output.numel() / batch);
                Assert.False(output.isnan().any().item<bool>(), $"{name} {string.Join('+', subset)} produced NaN");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryConfigurationRunsInHalfPrecision(string name)
    {
        using ZooModel model = ModelZoo.Create(name, ZooScale.Tiny);
        model.eval();
        model.to(CPU, ScalarType.Float16);
        using var generator = new Generator(7);
        foreach (string[] subset in Subsets(model.Modalities))
        {
            using var scope = NewDisposeScope();
            using var grad = no_grad();
            Tensor output = model.call(model.RandomInputs(2, subset, CPU, ScalarType.Float16, generator));
            Assert.Equal(ScalarType.Float16, output.dtype);
            Assert.Equal(2 * model.Outputs, output.numel());
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void DroppingAModalityDropsItsTokensAndFlops(string name)
    {
        using ZooModel model = ModelZoo.Create(name, s_fullGeometry);
        string[] all = model.Modalities.ToArray();
        foreach (string modality in all)
        {
            string[] rest = all.Where(m => m != modality).ToArray();
            Assert.True(model.Tokens(rest) < model.Tokens(all), $"{name}: dropping {modality} keeps {model.Tokens(rest)} of {model.Tokens(all)} tokens");
            Assert.True(model.EstimateFlops(rest) < model.EstimateFlops(all));
        }
    }

    [Fact]
    public void PublishedTokenCountsAtFullScale()
    {
        Assert.Equal(2081, ModelZoo.Create("tvlt", s_fullGeometry).Tokens(["audio", "video"]));
        Assert.Equal(513, ModelZoo.Create("tvlt", s_fullGeometry).Tokens(["audio"]));
        Assert.Equal(185, ModelZoo.Create("vilt", s_fullGeometry).Tokens(["image", "text"]));
        Assert.Equal(41, ModelZoo.Create("vilt", s_fullGeometry).Tokens(["text"]));
        // MBT: the fusion layers see each modality's tokens plus the 4 bottleneck tokens; a single modality has none.
        using ZooModel mbt = ModelZoo.Create("mbt", s_fullGeometry);
        Assert.Equal([404L, 3140L], mbt.Segments(["audio", "video"]).Where(s => s.Layers > 0).Select(s => s.Tokens));
        Assert.Equal([400L], mbt.Segments(["audio"]).Where(s => s.Layers > 0).Select(s => s.Tokens));
        Assert.Equal(512 + 196 + 708, ModelZoo.Create("cav-mae", s_fullGeometry).Tokens(["audio", "video"]));
        Assert.Equal(200, ModelZoo.Create("av-asr", s_fullGeometry).Tokens(["audio", "video"]));
    }

    [Fact]
    public void DroppingVideoCutsMeasuredLatency()
    {
        // Full TVLT geometry (2081 vs 513 tokens), one narrow layer: cheap on a CPU, token-bound like the real model. The two
        // inputs alternate and each keeps its fastest pass: another process can only add time, so the minimum is what the
        // pass costs on a busy machine too (an idle one gives about 0.2).
        using ZooModel model = ModelZoo.Create("tvlt", s_fullGeometry);
        model.eval();
        using var generator = new Generator(3);
        using var grad = no_grad();
        Dictionary<string, Tensor> both = model.RandomInputs(2, ["audio", "video"], CPU, ScalarType.Float32, generator);
        Dictionary<string, Tensor> audio = model.RandomInputs(2, ["audio"], CPU, ScalarType.Float32, generator);
        double Pass(Dictionary<string, Tensor> inputs)
        {
            long start = Stopwatch.GetTimestamp();
            using Tensor output = model.call(inputs);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        double fastestBoth = double.PositiveInfinity;
        double fastestAudio = double.PositiveInfinity;
        for (int i = 0; i < 15; i++)
        {
            fastestBoth = Math.Min(fastestBoth, Pass(both));
            fastestAudio = Math.Min(fastestAudio, Pass(audio));
        }
        foreach (Tensor t in both.Values.Concat(audio.Values))
        {
            t.Dispose();
        }
        Assert.True(fastestAudio < fastestBoth / 2, $"audio only {fastestAudio:0.0} ms vs audio+video {fastestBoth:0.0} ms (fastest of 15 each)");
    }

    [Fact]
    public void UnknownModelsAndModalitiesAreRejected()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ModelZoo.Create("gpt", ZooScale.Tiny));
        Assert.Contains("not in the zoo", e.Message);
        using ZooModel model = ModelZoo.Create("tvlt", ZooScale.Tiny);
        using Tensor x = zeros(1, 3);
        Assert.Throws<ArgumentException>(() => model.call(new Dictionary<string, Tensor> { ["smell"] = x }));
    }
}

public sealed class WeightsTests
{
    public WeightsTests() => LibTorchLoader.Load(TorchDevice.Cpu);

    [Fact]
    public void WeightsRoundTripAndAWrongShapeIsAClearError()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mosel-weights-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string tvlt = Path.Combine(folder, "tvlt.bin");
            string vilt = Path.Combine(folder, "vilt.bin");
            using (ZooModel model = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 5))
            {
                model.save(tvlt);
            }
            using (ZooModel model = ModelZoo.Create("vilt", ZooScale.Tiny))
            {
                model.save(vilt);
            }
            using ZooModel a = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 5);
            using ZooModel b = ModelZoo.Load("tvlt", ZooScale.Tiny, tvlt);
            using ZooModel c = ModelZoo.Create("tvlt", ZooScale.Tiny, seed: 6);
            Tensor wa = a.parameters().First();
            Assert.True(wa.allclose(b.parameters().First()), "loaded weights differ from the saved ones");
            Assert.False(wa.allclose(c.parameters().First()), "another seed gave the same weights");

            ArgumentException e = Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, vilt));
            Assert.Contains("vilt.bin", e.Message);
            Assert.Contains("do not match tvlt", e.Message);
            Assert.Contains("not found", Assert.Throws<ArgumentException>(() => ModelZoo.Load("tvlt", ZooScale.Tiny, Path.Combine(folder, "none.bin"))).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OutOfMemoryMessagesAreRecognised()
    {
        Assert.True(Execution.TorchRuntime.IsOutOfMemory(new InvalidOperationException("CUDA out of memory. Tried to allocate 2.00 GiB")));
        Assert.True(Execution.TorchRuntime.IsOutOfMemory(new InvalidOperationException("DefaultCPUAllocator: can't allocate memory: you tried to allocate 8796093022208 bytes.")));
        Assert.False(Execution.TorchRuntime.IsOutOfMemory(new InvalidOperationException("shape mismatch")));
    }
}
