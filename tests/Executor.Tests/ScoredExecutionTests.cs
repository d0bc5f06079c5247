using Mosel.Executor.Execution;
using Mosel.Executor.Models;
using Mosel.Executor.Native;
using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Workload;
using static TorchSharp.torch;

namespace Mosel.Executor.Tests;

/// <summary>The torch executor on labelled samples: each request runs a real sample and its prediction is scored.</summary>
public sealed class ScoredExecutionTests
{
    private const int Samples = 12;

    public ScoredExecutionTests() => LibTorchLoader.Load(TorchDevice.Cpu);

    [Fact]
    public void EachRequestIsScoredAgainstItsSamplesLabel()
    {
        // A mixed job must be told apart from an all-modality one: the first model seed whose configurations predict some
        // sample differently (tiny random models sometimes predict alike, and other tests drawing from libtorch's global
        // generator while a model is built can change which seed that is).
        int[] order = Enumerable.Range(0, Samples).ToArray();
        SeedStreams.Create(5, "test-samples").Shuffle(order);
        for (int seed = 1; seed <= 20; seed++)
        {
            using ZooModel model = ModelZoo.Create(AvDigitsModel.ZooName, ZooScale.Tiny, seed);
            model.eval();
            using var generator = new Generator(3);
            Dictionary<string, Tensor> inputs = model.RandomInputs(Samples, model.Modalities, CPU, ScalarType.Float32, generator);
            long[] audioOnly = Predictions(model, inputs, ["audio"]);
            long[] video = Predictions(model, inputs, ["video"]);
            long[] both = Predictions(model, inputs, ["audio", "video"]);
            long[] own = OwnLabels(order, [both, audioOnly, video]);
            if (own.Where((label, s) => label != both[s]).Any())
            {
                ScoreEveryCase(model, inputs, audioOnly, video, both, own);
                return;
            }
        }
        Assert.Fail("20 model seeds whose configurations all predict alike: the mixed case would prove nothing");
    }

    /// <summary>
    /// A mixed job (4 a+v, 4 audio, 4 video): the first job's requests take the shuffled order's first twelve samples, its
    /// micro-batches four each in configuration order; each sample's label is what its own configuration predicts.
    /// </summary>
    private static long[] OwnLabels(int[] order, long[][] byConfiguration)
    {
        long[] own = new long[Samples];
        for (int k = 0; k < Samples; k++)
        {
            own[order[k]] = byConfiguration[k / 4][order[k]];
        }
        return own;
    }

    private static void ScoreEveryCase(ZooModel model, Dictionary<string, Tensor> inputs, long[] audioOnly, long[] video, long[] both, long[] own)
    {

        // Audio-only jobs of all twelve samples (each sample once, in whatever order), labels right on the even samples only: 6 right.
        long[] halfRight = audioOnly.Select((p, i) => i % 2 == 0 ? p : (p + 1) % 10).ToArray();
        Assert.Equal([6, 6], Run(model, inputs, halfRight, [0, Samples, 0]));
        // Labels no configuration predicts: a job that mixes all three configurations gets none right.
        long[] neverPredicted = Enumerable.Range(0, Samples).Select(i => (long)Enumerable.Range(0, 10).First(d => d != audioOnly[i] && d != video[i] && d != both[i])).ToArray();
        Assert.Equal([0, 0], Run(model, inputs, neverPredicted, [4, 4, 4]));
        // Labels the audio+video configuration predicts: an all-modality job gets all twelve right.
        Assert.Equal([Samples, Samples], Run(model, inputs, both, [Samples, 0, 0]));

        // Labels that each sample's own configuration predicts are all right in a mixed job; the same labels scored as if
        // every request ran audio+video are not (the caller chose a model where they differ), so the count tells the two apart.
        Assert.Equal(Samples, Run(model, inputs, own, [4, 4, 4])[0]);
    }

    [Fact]
    public void SamplesWithoutAModalityOfTheProfileAreRefused()
    {
        using ZooModel model = ModelZoo.Create(AvDigitsModel.ZooName, ZooScale.Tiny);
        using var generator = new Generator(3);
        Dictionary<string, Tensor> inputs = model.RandomInputs(Samples, ["audio"], CPU, ScalarType.Float32, generator);
        var samples = new LabelledSamples(inputs, zeros(Samples, ScalarType.Int64));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new TorchExecutor(model, Profile(), TorchDevice.Cpu, Precision.Fp32, 1, samples));
        Assert.Equal("the labelled samples have no video input of shape [12, 1, 28, 28] for av-digits", e.Message);
    }

    private static long[] Predictions(ZooModel model, Dictionary<string, Tensor> inputs, string[] modalities)
    {
        using var grad = no_grad();
        return model.call(modalities.ToDictionary(m => m, m => inputs[m])).argmax(1).data<long>().ToArray();
    }

    /// <summary>Two jobs of twelve requests split as <paramref name="counts"/> (a+v, audio, video); the right answers of each.</summary>
    private static int[] Run(ZooModel model, Dictionary<string, Tensor> inputs, long[] labels, int[] counts)
    {
        ModelProfile profile = Profile();
        var samples = new LabelledSamples(inputs, tensor(labels));
        using var executor = new TorchExecutor(model, profile, TorchDevice.Cpu, Precision.Fp32, seed: 5, samples);
        var truth = new LatencyModel(profile, Precision.Fp32);
        var recorder = new Records();
        var simulation = new Simulation(new SimulationSettings { SlackSeconds = 5 }, new FixedSplit(counts, truth), executor,
            new TwoJobs(), truth, FrozenClock.Instance, recorder);
        RunSummary summary = simulation.Run().Summary;
        Assert.Equal(2 * Samples, summary.ScoredRequests);
        return recorder.Jobs.OrderBy(j => j.Id).Select(j => j.CorrectRequests!.Value).ToArray();
    }

    private static ModelProfile Profile()
    {
        string[] names = ["audio+video", "audio", "video"];
        return ModelProfile.Create(AvDigitsModel.ZooName, ["audio", "video"], AccuracyMetric.Default,
            new Dictionary<string, double> { ["audio+video"] = 0.9, ["audio"] = 0.7, ["video"] = 0.8 },
            new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
            {
                [Precision.Fp32] = names.ToDictionary(n => n, n => LatencyTable.Create(n, [1, 16], [1, 2])),
            },
            "test", "test");
    }

    private sealed class FixedSplit(int[] counts, LatencyModel estimate) : ISchedulingPolicy
    {
        public string Name => "fixed";

        public Precision Precision => Precision.Fp32;

        public Strategy InitialStrategy(int size, double targetAccuracy) =>
            new(counts, Strategy.MeanAccuracy(counts, estimate.Profile), 0.01);

        public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

        public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

        public PolicyDecision OnTick(SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;
    }

    private sealed class TwoJobs : IArrivalSource
    {
        private int _next;

        public double EndSeconds => 100;

        public bool TryNext(out JobArrival arrival)
        {
            arrival = new JobArrival(_next * 10.0, Samples, 0.5);
            return _next++ < 2;
        }
    }

    private sealed class Records : IRunRecorder
    {
        public List<JobRecord> Jobs { get; } = new();

        public void Job(in JobRecord record) => Jobs.Add(record);

        public void Decision(in DecisionRecord record)
        {
        }
    }
}
