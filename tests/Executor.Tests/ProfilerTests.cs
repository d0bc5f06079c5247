using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Executor.Profiling;
using Mosel.Sim.Profiles;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

public sealed class ProfilerTests
{
    [Fact]
    public void OutOfMemoryStopsAConfigurationAndRecordsTheLargestBatchThatFitted()
    {
        LibTorchLoader.Load(TorchDevice.Cpu);
        var profiler = new ModelProfiler(new ProfilerSettings([1, 2, 4, 8], [Precision.Fp32], TorchDevice.Cpu, Warmups: 0, Runs: 3));
        using var model = new RunsOutOfMemoryAbove(2);
        List<ProfilePoint> points = profiler.Run(model).ToList();

        // Every configuration is measured at 1 and 2, with at least one untimed pass even with no warm-ups asked for.
        Assert.Equal(3 * 2, points.Count);
        Assert.All(points, p => Assert.InRange(p.BatchSize, 1, 2));
        Assert.All(points, p => Assert.Equal(3, p.Runs));
        Assert.Equal(3 * (1 + 3) * 2, model.Passes);
        Assert.Equal(3, profiler.OutOfMemory.Count);
        Assert.All(profiler.OutOfMemory, o => Assert.Equal((4, 2), (o.FailedBatchSize, o.LargestFittingBatchSize)));
    }

    [Fact]
    public void ABatchOfOneThatDoesNotFitIsRecordedAsNothingFitting()
    {
        LibTorchLoader.Load(TorchDevice.Cpu);
        var profiler = new ModelProfiler(new ProfilerSettings([1, 2], [Precision.Fp32], TorchDevice.Cpu));
        using var model = new RunsOutOfMemoryAbove(0);
        Assert.Empty(profiler.Run(model));
        Assert.All(profiler.OutOfMemory, o => Assert.Equal((1, (int?)null), (o.FailedBatchSize, o.LargestFittingBatchSize)));
    }

    /// <summary>A two-modality stand-in that fails the way CUDA does when a batch is too large.</summary>
    private sealed class RunsOutOfMemoryAbove(int largestBatch) : ZooModel("oom-stand-in", ZooScale.Tiny)
    {
        public int Passes { get; private set; }

        public override IReadOnlyList<string> Modalities { get; } = ["audio", "video"];

        public override IReadOnlyList<ModalityInput> Inputs { get; } = [new("audio", [4]), new("video", [4])];

        public override long Outputs => 1;

        public override IReadOnlyList<EncoderSegment> Segments(IReadOnlyCollection<string> modalities) => [];

        public override Tensor forward(IReadOnlyDictionary<string, Tensor> input)
        {
            if (input.Values.First().shape[0] > largestBatch)
            {
                throw new InvalidOperationException("CUDA out of memory. Tried to allocate 2.00 GiB");
            }
            Passes++;
            return input.Values.First().sum(1, keepdim: true);
        }
    }
}
