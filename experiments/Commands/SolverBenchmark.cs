using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Mosel.Experiments.Output;
using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Sim.Profiles;
using Mosel.Sim.Randomness;
using Mosel.Sim.Workload;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary>
/// Solver timings: the full offline matrix, and online decisions on random queues drawn like the
/// workload (sizes from the job-size distribution, targets uniform in [0.6, 0.743], budgets between the
/// cheapest and the current plan).
/// </summary>
internal static class SolverBenchmark
{
    public static IReadOnlyList<BenchFigure> Run(ModelProfile profile, int instances, int orToolsInstances, double timeLimitSeconds)
    {
        // Offline: the whole matrix, both precisions, 42-target grid; median of 21 builds after the warm-up.
        double[] targets = StrategyMatrix.TargetGrid(profile);
        var builds = new List<double>();
        int BuildAll() => profile.Precisions.Sum(precision => StrategyMatrix.Build(new LatencyModel(profile, precision)).Grid(targets).Count);
        long first = Stopwatch.GetTimestamp();
        int cells = BuildAll();
        double firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        BenchmarkWarmUp.Run(() => BuildAll());
        for (int i = 0; i < 21; i++)
        {
            long started = Stopwatch.GetTimestamp();
            cells = BuildAll();
            builds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        builds.Sort();
        var figures = new List<BenchFigure> { BenchFigure.Of("offline matrix", "ms", builds) };
        AnsiConsole.MarkupLine($"Offline matrix ({profile.Name}: {cells} cells = {profile.MaxBatchSize} sizes x {targets.Length} targets x {profile.Precisions.Count()} precisions, exact): " +
            $"median {builds[builds.Count / 2]:0.00} ms, min–max {builds[0]:0.00}–{builds[^1]:0.00} ms over {builds.Count} builds; the process's first build {firstMs:0.0} ms");

        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "queue", "solver", "instances", "p50 µs", "p99 µs", "max µs", "time-outs" })
        {
            table.AddColumn(column);
        }
        StrategyMatrix matrix = StrategyMatrix.Build(new LatencyModel(profile, Precision.Fp32));
        var exact = new KnapsackOnlineSolver(10e-6);
        var ortools = new CpSatOnlineSolver(10e-6, timeLimitSeconds);
        foreach (int queue in new[] { 8, 32, 128 })
        {
            List<(List<OnlineItem> Items, double Budget)> problems = Problems(matrix, queue, instances, seed: (ulong)queue);
            BenchmarkWarmUp.Run(() =>
            {
                foreach (var p in problems)
                {
                    exact.Solve(p.Items, p.Budget, () => false);
                }
            });
            figures.AddRange(AddRow(table, queue, "exact", problems, (items, budget) => exact.Solve(items, budget, () => false)));
            figures.AddRange(AddRow(table, queue, "ortools", problems.Take(orToolsInstances).ToList(), (items, budget) => ortools.Solve(items, budget, () => false)));
        }
        AnsiConsole.MarkupLine($"Online re-optimisation on random {profile.Name} fp32 queues (10 µs latency grid; OR-Tools CP-SAT, 1 worker, {timeLimitSeconds * 1000:0} ms limit):");
        AnsiConsole.Write(table);
        return figures;
    }

    /// <summary>Times the solver on each problem, adds the table's row and returns its figure (median, min–max in µs; none without problems).</summary>
    private static IEnumerable<BenchFigure> AddRow(Table table, int queue, string name, List<(List<OnlineItem> Items, double Budget)> problems,
        Func<List<OnlineItem>, double, OnlineSolution> solve)
    {
        if (problems.Count == 0)
        {
            return [];
        }
        var micros = new List<double>();
        int timeouts = 0;
        foreach ((List<OnlineItem> items, double budget) in problems)
        {
            long started = Stopwatch.GetTimestamp();
            OnlineSolution solution = solve(items, budget);
            micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (solution.Status == OnlineStatus.TimedOut)
            {
                timeouts++;
            }
        }
        micros.Sort();
        table.AddRow(queue.ToString(), name, micros.Count.ToString(), Quantile(micros, 0.5).ToString("0"),
            Quantile(micros, 0.99).ToString("0"), micros[^1].ToString("0"), timeouts.ToString());
        return [BenchFigure.Of($"online {name}, {queue} jobs", "µs", micros)];
    }

    /// <summary>The nearest-rank quantile (the smallest value with at least a share q of the values at or below it).</summary>
    private static double Quantile(List<double> sorted, double q) => SortedArrayStatistics.QuantileCustom(sorted.ToArray(), q, QuantileDefinition.EmpiricalInvCDF);

    private static List<(List<OnlineItem>, double)> Problems(StrategyMatrix matrix, int queue, int count, ulong seed)
    {
        Random random = SeedStreams.Create(seed, "solver-bench");
        var sizes = JobSizeDistribution.Normal(1, 6, Math.Min(32, matrix.MaxSize), SizeRounding.Truncate);
        var problems = new List<(List<OnlineItem>, double)>();
        for (int i = 0; i < count; i++)
        {
            var items = new List<OnlineItem>();
            double cheapest = 0;
            double best = 0;
            for (int j = 0; j < queue; j++)
            {
                StrategyRow row = matrix.Row(sizes.Sample(random));
                double target = 0.6 + (random.NextDouble() * (Math.Min(0.743, matrix.BestAccuracy) - 0.6));
                var item = new OnlineItem(row, row.FirstFeasible(target));
                items.Add(item);
                cheapest += item.Seconds(0);
                best += item.Seconds(item.Choices - 1);
            }
            double budget = cheapest + ((0.2 + (0.6 * random.NextDouble())) * (best - cheapest)) + (queue * 10e-6);
            problems.Add((items, budget));
        }
        return problems;
    }
}
