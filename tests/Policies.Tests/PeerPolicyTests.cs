using Google.OrTools.LinearSolver;
using Mosel.Policies.Peers;
using Mosel.Sim.Engine;
using Mosel.Sim.Metrics;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;
using Mosel.Sim.Tests;
using Mosel.Sim.Workload;

namespace Mosel.Policies.Tests;

/// <summary>
/// The peers' policies on hand-built scenarios inside the real engine, every expected decision worked out by hand in the
/// comment beside it, and the proportional-mix LP against OR-Tools' GLOP.
/// </summary>
public sealed class PeerPolicyTests
{
    /// <summary>
    /// Modalities a and b. Accuracy: a+b 0.9, a 0.8, b 0.5. Latency (ms) at batch 1 / 2: a+b 10 / 20, a 6 / 11, b 3 / 6.
    /// Configurations in profile order: 0 = a+b, 1 = a, 2 = b. Deadline = arrival + a+b latency of the size + slack.
    /// </summary>
    private static readonly LatencyModel s_estimate = TwoWith(0.9, 0.8, 0.5);
    private static readonly ModelProfile s_two = s_estimate.Profile;

    /// <summary>Modalities a and b with the accuracies given and the latencies above.</summary>
    private static LatencyModel TwoWith(double full, double a, double b) => new(ModelProfile.Create("two", ["a", "b"], AccuracyMetric.Default,
        new Dictionary<string, double> { ["a+b"] = full, ["a"] = a, ["b"] = b },
        new Dictionary<Precision, IReadOnlyDictionary<string, LatencyTable>>
        {
            [Precision.Fp32] = new Dictionary<string, LatencyTable>
            {
                ["a+b"] = LatencyTable.Create("a+b", [1, 2], [10, 20]),
                ["a"] = LatencyTable.Create("a", [1, 2], [6, 11]),
                ["b"] = LatencyTable.Create("b", [1, 2], [3, 6]),
            },
        }, "test", "test"), Precision.Fp32);

    private const int Full = 0;
    private const int A = 1;
    private const int B = 2;

    private static List<JobRecord> Run(ISchedulingPolicy policy, SimulationSettings settings, params JobArrival[] arrivals)
    {
        var recorder = new Recorder();
        var simulation = new Simulation(settings, policy, new ProfileReplayExecutor(s_estimate, 0, new Random(1)),
            new ListArrivals(arrivals.Length == 0 ? 0 : arrivals[^1].ArrivalSeconds, arrivals), s_estimate, FrozenClock.Instance, recorder);
        _ = simulation.Run();
        return [.. recorder.Jobs.OrderBy(j => j.Id)];
    }

    /// <summary>The configuration a job ran all its requests with (-1 for a mixed strategy).</summary>
    private static int ConfigurationOf(JobRecord job)
    {
        ReadOnlySpan<int> counts = job.Strategy.Counts;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == job.Strategy.Size)
            {
                return c;
            }
        }
        return -1;
    }

    /// <summary>Size-1 jobs spread evenly over [start, start + 1 s): job i at start + (i + 0.5) / n, never on a period's edge.</summary>
    private static IEnumerable<JobArrival> Second(double start, int jobs, double target = 0.5) =>
        Enumerable.Range(0, jobs).Select(i => new JobArrival(start + ((i + 0.5) / jobs), 1, target));

    // ---------------------------------------------------------------- slackfit

    [Fact]
    public void SlackFitRunsTheHeadJobWithTheMostAccurateConfigurationThatFitsItsRemainingSlack()
    {
        // Slack 10 ms, grace 0. J0 (t 0, 1 request, deadline 20 ms) starts at once: 20 ms left, a+b (10) fits: runs 0-10.
        // J1 (t 1, 1 req, deadline 21), J2 (t 2, 2 req, deadline 32), J3 (t 4, 1 req, deadline 24), J4 (t 4.5, 2 req, deadline 34.5)
        // wait; EDF order J1, J3, J2, J4. At 10: J1 has 11 ms left, a+b (10) fits: runs 10-20. At 20: J3 has 4 ms left: a+b 10 and
        // a 6 do not fit, b 3 does: runs 20-23. At 23: J2 has 9 ms left: a+b 20, a 11 do not fit, b 6 does: runs 23-29.
        // At 29: J4 has 5.5 ms left: nothing fits (b is 6), so the fastest, b, which the engine drops (29 + 6 > 34.5).
        var policy = new SlackFitPolicy("slackfit", s_estimate);
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 0.010, GraceSeconds = 0 },
            new JobArrival(0, 1, 0.5), new JobArrival(0.001, 1, 0.5), new JobArrival(0.002, 2, 0.5), new JobArrival(0.004, 1, 0.5), new JobArrival(0.0045, 2, 0.5));
        Assert.Equal([Full, Full, B, B, B], jobs.Select(ConfigurationOf));
        Assert.Equal([0, 0.010, 0.023, 0.020], jobs.Take(4).Select(j => j.StartSeconds), new ToleranceComparer(1e-12));
        Assert.Equal([JobOutcome.Met, JobOutcome.Met, JobOutcome.Met, JobOutcome.Met, JobOutcome.Dropped], jobs.Select(j => j.Outcome));
        // Only the jobs whose configuration changed at dispatch carry the decision.
        Assert.Equal([DecisionPath.None, DecisionPath.None, DecisionPath.SlackFit, DecisionPath.SlackFit, DecisionPath.SlackFit], jobs.Select(j => j.DecisionPath));
        Assert.Equal(PolicyHooks.Dispatch, policy.Hooks);
    }

    [Theory]
    [InlineData(0.004, "audio")]          // nothing fits: the fastest (audio 5.0 ms), not the least accurate (video 12.6 ms)
    [InlineData(0.006, "audio")]
    [InlineData(0.013, "audio")]          // video (12.583 ms) fits too, but audio is more accurate
    [InlineData(0.0151, "audio+video")]   // 14.985 ms
    public void SlackFitPrefersAccuracyAndFallsBackToTheFastestNotTheLeastAccurate(double slack, string expected)
    {
        var tvlt = new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32);
        Strategy chosen = new SlackFitPolicy("slackfit", tvlt).Choose(1, slack);
        Assert.Equal(1, chosen.Counts[RandomProfiles.Tvlt.IndexOf(expected)]);
    }

    [Fact]
    public void SlackFitTakesTheFasterOfTwoEquallyAccurateConfigurations()
    {
        // a and b both 0.8; with 7 ms of slack a (6 ms) and b (3 ms) fit: b.
        Strategy chosen = new SlackFitPolicy("slackfit", TwoWith(0.9, 0.8, 0.8)).Choose(1, 0.007);
        Assert.Equal(1, chosen.Counts[B]);
    }

    // ---------------------------------------------------------------- infaas

    [Fact]
    public void InfaasMovesTheStreamDownAtOnceUnderLoadAndBackUpAfterItsHysteresis()
    {
        // Size-1 jobs: capacity a+b 100 req/s, a 166.7, b 333.3. Slack 1 s, so nothing misses. Second 0: 120 req/s, 1.2 of
        // a+b's capacity > 0.85: the first call after t = 1 moves the stream to a (120 / 166.7 = 0.72 <= 0.85). Seconds 1 and 2:
        // 50 req/s; a+b would run at 0.5 <= 0.6: calm periods 1 (at t >= 2) and 2 (at t >= 3), which with hysteresis 2 moves
        // it back to a+b. So jobs started in [0, 1) ran a+b, in [1, 3) a, from 3 on a+b.
        var settings = new InfaasSettings { HysteresisPeriods = 2 };
        var policy = new InfaasPolicy("infaas", s_estimate, settings, workers: 1);
        JobArrival[] arrivals = [.. Second(0, 120), .. Second(1, 50), .. Second(2, 50), .. Second(3, 50)];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 1, GraceSeconds = 0 }, arrivals);
        Assert.All(jobs, j => Assert.Equal(JobOutcome.Met, j.Outcome));
        Assert.All(jobs, j => Assert.Equal(j.StartSeconds switch { < 1 => Full, < 3 => A, _ => Full }, ConfigurationOf(j)));
        Assert.Contains(jobs, j => j.StartSeconds is >= 2.9 and < 3);
        Assert.Contains(jobs, j => j.StartSeconds is >= 3 and < 3.1);
    }

    [Fact]
    public void InfaasMovesUpOnlyWhenTheMoreAccurateStepWouldRunCalm()
    {
        // Second 0 at 120 req/s moves the stream to a (as above). Seconds 1-4 at 70 req/s: a+b would run at 0.7 > 0.6, so it
        // stays on a however long it is calm (and a+b at 0.7 <= 0.85 is no reason to move further down).
        var policy = new InfaasPolicy("infaas", s_estimate, new InfaasSettings { HysteresisPeriods = 2 }, workers: 1);
        JobArrival[] arrivals = [.. Second(0, 120), .. Second(1, 70), .. Second(2, 70), .. Second(3, 70), .. Second(4, 70)];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 1, GraceSeconds = 0 }, arrivals);
        Assert.All(jobs.Where(j => j.StartSeconds >= 1), j => Assert.Equal(A, ConfigurationOf(j)));
        Assert.Equal(A, policy.Configuration);
    }

    [Fact]
    public void InfaasCountsPeriodsWithNoArrivalsAsCalm()
    {
        // Seconds 0 and 1 at 120 req/s: a from t >= 1 (and a+b would run at 1.2 in second 1: no upgrade). Then nothing until
        // t = 5.5, which closes [1, 2) (120 req/s) and the empty [2, 3), [3, 4), [4, 5): two calm periods (hysteresis 2)
        // move the stream back to a+b, so the last job runs a+b.
        var policy = new InfaasPolicy("infaas", s_estimate, new InfaasSettings { HysteresisPeriods = 2 }, workers: 1);
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 1, GraceSeconds = 0 }, [.. Second(0, 120), .. Second(1, 120), new JobArrival(5.5, 1, 0.5)]);
        Assert.Equal(Full, ConfigurationOf(jobs[^1]));
        Assert.Equal(A, ConfigurationOf(jobs[^2]));
    }

    [Fact]
    public void InfaasCountsViolationsByRequestsNotJobs()
    {
        // Every 40 ms a job of 1 request and, at the same instant, one of 2 (75 req/s; mean size 1.5, rounded to 2: a+b's
        // capacity 2 / 20 ms = 100 req/s, so utilisation 0.75 <= 0.85). Slack 0: with a+b the 2-request job waits 10 ms and
        // would finish at 30 > 20 ms: 2 of every 3 requests miss (1 of 2 jobs), over a violation share of 0.5: at t >= 1 down
        // to a, where it finishes at 6 + 11 = 17 <= 20 ms; a+b would run at 0.75 > 0.6, so it stays on a.
        var policy = new InfaasPolicy("infaas", s_estimate, new InfaasSettings { ViolationShare = 0.5 }, workers: 1);
        JobArrival[] arrivals = [.. Enumerable.Range(0, 50).SelectMany(k => new[] { new JobArrival(0.02 + (0.04 * k), 1, 0.5), new JobArrival(0.02 + (0.04 * k), 2, 0.5) })];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 0, GraceSeconds = 0 }, arrivals);
        Assert.All(jobs.Where(j => j.StartSeconds >= 1), j => Assert.Equal(A, ConfigurationOf(j)));
        Assert.All(jobs.Where(j => j.ArrivalSeconds > 1), j => Assert.Equal(JobOutcome.Met, j.Outcome));
    }

    [Fact]
    public void InfaasMovesDownOneStepPerPeriodWhileDispatchedRequestsMissTheirDeadlines()
    {
        // Slack 0, grace 0: deadline = arrival + 10 ms. Pairs of size-1 jobs every 40 ms (50 req/s: a+b at 0.5 of capacity, so
        // the load alone never moves it). With a+b the pair's second job waits 10 ms and would finish at 20 > 10: half the
        // requests miss, > 0.05: at t >= 1 one step down, to a. With a it waits 6 and finishes at 12 > 10: still half: at
        // t >= 2 down to b. With b it finishes at 6: no misses, and a would run at 50 / 166.7 = 0.3 <= 0.6: calm at t >= 3
        // (1 of 2) and t >= 4 (2 of 2: up to a). Each second's first jobs: a+b, a, b, b, a.
        var policy = new InfaasPolicy("infaas", s_estimate, new InfaasSettings { HysteresisPeriods = 2 }, workers: 1);
        JobArrival[] arrivals = [.. Enumerable.Range(0, 125).SelectMany(k => Enumerable.Repeat(new JobArrival(0.02 + (0.04 * k), 1, 0.5), 2))];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 0, GraceSeconds = 0 }, arrivals);
        int[] expected = [Full, A, B, B, A];
        Assert.All(jobs.Where(j => j.Outcome == JobOutcome.Met), j => Assert.Equal(expected[(int)j.StartSeconds], ConfigurationOf(j)));
        // The second job of every pair is dropped while a+b or a runs, and met while b runs.
        Assert.Equal(2 * 2 * 25, jobs.Count(j => j.ArrivalSeconds is > 2 and < 4 && j.Outcome == JobOutcome.Met));
        Assert.Equal(25, jobs.Count(j => j.ArrivalSeconds < 1 && j.Outcome == JobOutcome.Met));
    }

    [Fact]
    public void TheLadderLeavesOutAConfigurationThatIsSlowerAndLessAccurateAtEverySize()
    {
        // TVLT: video is slower than audio at every batch size and less accurate; a+v is slower but more accurate.
        var tvlt = new LatencyModel(RandomProfiles.Tvlt, Precision.Fp32);
        Assert.Equal([RandomProfiles.Tvlt.IndexOf("audio+video"), RandomProfiles.Tvlt.IndexOf("audio")], ConfigurationLadder.Build(tvlt));
        Assert.Equal([Full, A, B], ConfigurationLadder.Build(s_estimate));
        // Capacity at a mean of 1.4 requests (rounded to 1) with 2 workers: 2 x 1 / 10 ms.
        Assert.Equal(200, ConfigurationLadder.Capacity(s_estimate, Full, 1.4, 2), 9);
        Assert.Equal(2 / 0.011, ConfigurationLadder.Capacity(s_estimate, A, 1.6, 1), 9);
    }

    // ---------------------------------------------------------------- proteus

    [Fact]
    public void ProteusServesThePredictedRateWithTheMostAccurateMixAndAssignsJobsByDeficit()
    {
        // Utilisation 0.9, smoothing 1 (the prediction is the last period's rate). Second 0: 120 size-1 jobs, all a+b (nothing
        // measured yet). At t >= 1: budget 0.9 / 120 = 7.5 ms a request; singles that fit: a (0.8), b (0.5); pairs straddling
        // 7.5 ms: a with a+b, share of a (10 - 7.5) / (10 - 6) = 0.625, mean 0.8375; b with a+b, (10 - 7.5) / 7 = 0.357, mean
        // 0.757. Mix: a+b 0.375, a 0.625. Deficits x_c (n + 1) - assigned_c pick, for the 1st to 8th job of second 1:
        // a, a+b, a, a+b (tie 0.5 / 0.5: the lower index), a, a, a+b, a. Second 1 holds 40 jobs: 40 / 0.9 = 44 ms > 10 ms a
        // request, so at t >= 2 everything goes back to a+b.
        var settings = new ProteusSettings { Utilisation = 0.9, Smoothing = 1 };
        var policy = new ProteusPolicy("proteus", s_estimate, settings, workers: 1);
        JobArrival[] arrivals = [.. Second(0, 120), .. Second(1, 40), .. Second(2, 10)];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 10, GraceSeconds = 0 }, arrivals);
        Assert.All(jobs.Where(j => j.ArrivalSeconds < 1), j => Assert.Equal(Full, ConfigurationOf(j)));
        JobRecord[] second1 = [.. jobs.Where(j => j.ArrivalSeconds is >= 1 and < 2)];
        Assert.Equal([A, Full, A, Full, A, A, Full, A], second1.Take(8).Select(ConfigurationOf));
        Assert.Equal(25, second1.Count(j => ConfigurationOf(j) == A));
        Assert.Equal(15, second1.Count(j => ConfigurationOf(j) == Full));
        // The first job of second 1 was assigned a+b by the old mix and moved by the new one on arrival.
        Assert.Equal(DecisionPath.Mix, second1[0].DecisionPath);
        Assert.All(jobs.Where(j => j.ArrivalSeconds >= 2), j => Assert.Equal(Full, ConfigurationOf(j)));
        Assert.Equal([1.0, 0, 0], policy.Mix);
    }

    [Fact]
    public void ProteusDecaysItsPredictionOverPeriodsWithNoArrivals()
    {
        // Smoothing 0.5. Second 0: 200 jobs: predicted 200, budget 0.9 / 200 = 4.5 ms: b alone 0.5; b with a, share of b
        // (6 - 4.5) / 3 = 0.5, mean 0.65; b with a+b, (10 - 4.5) / 7 = 0.786, mean 0.586: mix a 0.5, b 0.5. Then nothing until
        // t = 3.5, which closes [1, 2) and [2, 3), both empty: 0.5 x 0 + 0.5 x 200 = 100, decayed once more: 50 req/s, budget
        // 18 ms: a+b alone. Without the decay, 100 req/s would give 9 ms: a mix of a and a+b.
        var policy = new ProteusPolicy("proteus", s_estimate, new ProteusSettings { Utilisation = 0.9, Smoothing = 0.5 }, workers: 1);
        JobArrival[] arrivals = [.. Second(0, 200), new JobArrival(1.5, 1, 0.5), new JobArrival(3.5, 1, 0.5)];
        List<JobRecord> jobs = Run(policy, new SimulationSettings { SlackSeconds = 10, GraceSeconds = 0 }, arrivals);
        Assert.Equal(A, ConfigurationOf(jobs[200]));
        Assert.Equal(Full, ConfigurationOf(jobs[201]));
        Assert.Equal([1.0, 0, 0], policy.Mix);
    }

    [Fact]
    public void ProteusPlansForEveryWorkersTime()
    {
        // Two workers, 240 req/s: budget 0.9 x 2 / 240 = 7.5 ms a request, the one-worker case at 120 req/s: a+b 0.375, a 0.625.
        var policy = new ProteusPolicy("proteus", s_estimate, new ProteusSettings { Utilisation = 0.9, Smoothing = 1 }, workers: 2);
        _ = Run(policy, new SimulationSettings { Workers = 2, SlackSeconds = 10, GraceSeconds = 0 }, [.. Second(0, 240), new JobArrival(1.5, 1, 0.5)]);
        Assert.Equal([0.375, 0.625, 0], policy.Mix, new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData(50, 1.0, 0, 0)]              // 20 ms a request: a+b fits
    [InlineData(150, 1 / 3.0, 2 / 3.0, 0)]   // 6.67 ms: a (x = 2/3) with a+b, mean 0.8333
    [InlineData(250, 0, 0.5, 0.5)]           // 4 ms: b with a, x_b = (5 - 4) / 2
    [InlineData(400, 0, 0, 1.0)]             // 2.5 ms: nothing fits, all on the fastest
    [InlineData(0, 1.0, 0, 0)]               // no load: the most accurate
    public void TheMixSolvesItsLinearProgramByHand(double rate, double full, double a, double b)
    {
        double[] shares = ConfigurationMix.Solve([0.9, 0.8, 0.5], [0.010, 0.005, 0.003], rate, 1);
        Assert.Equal([full, a, b], shares, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void TheMixMatchesGlopOnRandomPrograms()
    {
        var random = new Random(2026);
        int compared = 0;
        for (int instance = 0; instance < 300; instance++)
        {
            int count = random.Next(1, 8);
            double[] accuracy = [.. Enumerable.Range(0, count).Select(_ => Math.Round(0.3 + (0.7 * random.NextDouble()), 4))];
            double[] seconds = [.. Enumerable.Range(0, count).Select(_ => Math.Round(0.001 + (0.02 * random.NextDouble()), 6))];
            double rate = Math.Round(random.NextDouble() * 200, 2);
            double capacity = 0.5 + (0.5 * random.NextDouble());
            double[] shares = ConfigurationMix.Solve(accuracy, seconds, rate, capacity);
            Assert.Equal(1, shares.Sum(), 9);
            Assert.All(shares, x => Assert.InRange(x, 0, 1));
            Assert.True(shares.Count(x => x > 0) <= 2, "an optimal vertex uses at most two configurations");
            double load = rate * shares.Select((x, c) => x * seconds[c]).Sum();
            if (rate * seconds.Min() > capacity)
            {
                // Infeasible program: everything on the fastest.
                Assert.Equal(1, shares[Array.IndexOf(seconds, seconds.Min())]);
                continue;
            }
            Assert.True(load <= capacity + 1e-9, $"instance {instance}: load {load} over capacity {capacity}");
            double mean = shares.Select((x, c) => x * accuracy[c]).Sum();
            Assert.Equal(Glop(accuracy, seconds, rate, capacity), mean, 7);
            compared++;
        }
        Assert.True(compared > 200, $"only {compared} feasible programs");
    }

    /// <summary>The same LP through OR-Tools' GLOP: its optimal mean accuracy.</summary>
    private static double Glop(double[] accuracy, double[] seconds, double rate, double capacity)
    {
        using Solver solver = Solver.CreateSolver("GLOP");
        Variable[] x = [.. accuracy.Select((_, c) => solver.MakeNumVar(0, 1, $"x{c}"))];
        Constraint sum = solver.MakeConstraint(1, 1);
        Constraint time = solver.MakeConstraint(double.NegativeInfinity, capacity);
        Objective objective = solver.Objective();
        for (int c = 0; c < x.Length; c++)
        {
            sum.SetCoefficient(x[c], 1);
            time.SetCoefficient(x[c], rate * seconds[c]);
            objective.SetCoefficient(x[c], accuracy[c]);
        }
        objective.SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }

    // ---------------------------------------------------------------- random-drop

    [Theory]
    [InlineData(0.95, 0)]       // above the full set's accuracy: never drop
    [InlineData(0.9, 0)]
    [InlineData(0.8, 0.4)]      // (0.9 - 0.8) / (0.9 - (0.8 + 0.5) / 2) = 0.1 / 0.25
    [InlineData(0.65, 1)]
    [InlineData(0.3, 1)]
    public void RandomDropTunesItsProbabilityToTheTargetFromTheProfileAlone(double target, double p)
    {
        var policy = new RandomDropPolicy("random-drop", s_estimate, new Random(1));
        Assert.Equal(p, policy.DropProbability(target), 12);
        Assert.Equal(PolicyHooks.None, policy.Hooks);
    }

    [Fact]
    public void RandomDropAlwaysDropsWhenDroppingCostsNoAccuracy()
    {
        // a+b 0.7, a 0.8, b 0.6: the one-fewer configurations average 0.7, as accurate as the full set.
        var policy = new RandomDropPolicy("random-drop", TwoWith(0.7, 0.8, 0.6), new Random(1));
        Assert.Equal(1, policy.DropProbability(0.75));
        Assert.Equal(1, policy.DropProbability(0.65));
    }

    [Fact]
    public void RandomDropDropsOneModalityAtTheTunedRateAndMeetsTheTargetOnAverage()
    {
        // p = 0.4 at target 0.8: each request keeps a+b with 0.6, runs a or b with 0.2 each; mean accuracy 0.6 x 0.9 + 0.2 x
        // 0.8 + 0.2 x 0.5 = 0.8. 20,000 requests: 3 standard deviations of a share of 0.2 are 0.0085.
        var policy = new RandomDropPolicy("random-drop", s_estimate, new Random(7));
        var counts = new long[3];
        double accuracy = 0;
        for (int job = 0; job < 10_000; job++)
        {
            Strategy strategy = policy.InitialStrategy(2, 0.8);
            Assert.Equal(2, strategy.Size);
            Assert.Equal(s_estimate.StrategySeconds(strategy.Counts), strategy.EstimatedSeconds, 12);
            for (int c = 0; c < 3; c++)
            {
                counts[c] += strategy.Counts[c];
            }
            accuracy += strategy.Accuracy;
        }
        Assert.InRange(counts[Full] / 20_000.0, 0.6 - 0.0104, 0.6 + 0.0104);
        Assert.InRange(counts[A] / 20_000.0, 0.2 - 0.0085, 0.2 + 0.0085);
        Assert.InRange(counts[B] / 20_000.0, 0.2 - 0.0085, 0.2 + 0.0085);
        Assert.InRange(accuracy / 10_000, 0.8 - 0.005, 0.8 + 0.005);
        // At or above the full set's accuracy nothing is drawn: the shared all-modality strategy.
        Assert.Same(policy.InitialStrategy(2, 0.9), policy.InitialStrategy(2, 0.95));
    }

    [Fact]
    public void RandomDropOnThreeModalitiesDropsExactlyOne()
    {
        ModelProfile three = RandomProfiles.Create(new Random(5), 3, 4);
        var estimate = new LatencyModel(three, Precision.Fp32);
        var policy = new RandomDropPolicy("random-drop", estimate, new Random(3));
        double[] pairs = [.. three.Configurations.Where(c => c.Modalities.Count == 2).Select(c => c.Accuracy)];
        double full = three.Configurations[ModelProfile.FullConfigurationIndex].Accuracy;
        double target = full - (0.5 * (full - pairs.Average()));
        Assert.Equal(full > pairs.Average() ? 0.5 : 1, policy.DropProbability(target), 12);
        var used = new HashSet<int>();
        for (int job = 0; job < 2_000; job++)
        {
            Strategy strategy = policy.InitialStrategy(4, target);
            for (int c = 0; c < strategy.Counts.Length; c++)
            {
                if (strategy.Counts[c] > 0)
                {
                    used.Add(c);
                }
            }
        }
        Assert.Equal(three.Configurations.Select((c, i) => (c, i)).Where(t => t.c.Modalities.Count >= 2).Select(t => t.i).Order(), used.Order());
    }

    [Fact]
    public void TheSameSeedDrawsTheSameStrategies()
    {
        string Draw(int seed)
        {
            var policy = new RandomDropPolicy("random-drop", s_estimate, new Random(seed));
            return string.Join(' ', Enumerable.Range(0, 200).Select(_ => policy.InitialStrategy(2, 0.75).Describe(s_two)));
        }
        Assert.Equal(Draw(11), Draw(11));
        Assert.NotEqual(Draw(11), Draw(12));
    }

    // ---------------------------------------------------------------- period meter

    [Fact]
    public void AMeterClosesEveryPeriodThatEndedAndReportsTheFirstOnesRate()
    {
        var meter = new PeriodMeter(0.5);
        Assert.Equal(0, meter.Advance(0.2));
        Assert.Equal(1, meter.MeanJobSize);
        meter.Count(3);
        meter.Count(2);
        Assert.Equal(2.5, meter.MeanJobSize);
        Assert.Equal(0, meter.Advance(0.49));
        Assert.Equal(1, meter.Advance(0.5));         // [0, 0.5) held 5 requests: 10 req/s
        Assert.Equal(10, meter.LastRatePerSecond);
        meter.Count(1);
        Assert.Equal(2, meter.MeanJobSize);          // over every job so far, not the period's
        Assert.Equal(3, meter.Advance(2.2));         // closes [0.5, 1), [1, 1.5), [1.5, 2)
        Assert.Equal(2, meter.LastRatePerSecond);
        Assert.Equal(0, meter.Advance(2.4));
        Assert.Equal(1, meter.Advance(2.5));
        Assert.Equal(0, meter.LastRatePerSecond);
    }

    private sealed class Recorder : IRunRecorder
    {
        public List<JobRecord> Jobs { get; } = [];

        public void Job(in JobRecord record) => Jobs.Add(record);

        public void Decision(in DecisionRecord record)
        {
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
