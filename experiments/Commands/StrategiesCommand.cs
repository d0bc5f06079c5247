using System.CommandLine;
using System.Diagnostics;
using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Formats;
using Mosel.Experiments.Safety;
using Mosel.Policies.Offline;
using Mosel.Sim.Profiles;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel strategies --profile FILE --precision fp32|fp16 --out FILE.csv</c>: the offline strategy matrix.</summary>
public static class StrategiesCommand
{
    /// <summary>The start of the CSV header: a file that starts otherwise was not written here and is never overwritten.</summary>
    public const string Signature = "size,target,count_";

    /// <summary>At most 1e5 targets per size: the grid stays a few hundred MB at most.</summary>
    public const double MinStep = 1e-5;

    public static Command Create()
    {
        var profile = new Option<FileInfo>("--profile", "-p") { Description = "Profile YAML", Required = true };
        var precision = new Option<string>("--precision") { Description = "fp32 or fp16", DefaultValueFactory = _ => "fp32" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "CSV to write (one row per size x target)", Required = true };
        var solver = new Option<string>("--solver") { Description = "exact (Pareto DP) or ortools (CP-SAT, slower; a cross-check)", DefaultValueFactory = _ => "exact" };
        var step = new Option<double>("--step") { Description = "Target grid step, from the lowest to the highest configuration accuracy", DefaultValueFactory = _ => 0.002 };
        var command = new Command("strategies", "Solve and export the offline strategy matrix (job size x accuracy target -> requests per configuration)")
        {
            profile, precision, output, solver, step,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() => Run(parse.GetValue(profile)!.FullName, parse.GetValue(precision)!,
            parse.GetValue(output)!.FullName, parse.GetValue(solver)!, parse.GetValue(step))));
        return command;
    }

    private static int Run(string profilePath, string precisionName, string outPath, string solverName, double step)
    {
        ModelProfile profile = ProfileFile.Load(profilePath);
        if (!PrecisionNames.TryParse(precisionName, out Precision precision))
        {
            throw new ConfigException($"--precision: must be fp32 or fp16, found '{precisionName}'");
        }
        if (!profile.HasPrecision(precision))
        {
            throw new ConfigException($"{profilePath}: latency.{precision.ToName()}: the profile has no {precision.ToName()} table");
        }
        if (!(step is >= MinStep and <= 1))
        {
            throw new ConfigException($"--step: must be in [{MinStep}, 1], found {step}");
        }
        OutputTarget.CheckFile(outPath, Signature);
        IStrategySolver? cellSolver = solverName switch
        {
            "exact" => null,
            "ortools" => new CpSatStrategySolver(),
            _ => throw new ConfigException($"--solver: must be 'exact' or 'ortools', found '{solverName}'"),
        };
        var latency = new LatencyModel(profile, precision);
        double[] targets = StrategyMatrix.TargetGrid(profile, step);
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<StrategyCell> cells = cellSolver is null
            ? StrategyMatrix.Build(latency).Grid(targets)
            : StrategyMatrix.SolveGrid(latency, targets, cellSolver);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        using var output = new OutputFile(outPath, Signature);
        using (CsvWriter csv = CsvFiles.Create(output.StagingPath))
        {
            var header = new List<string> { "size", "target" };
            header.AddRange(profile.Configurations.Select(c => $"count_{c.Name}"));
            header.AddRange(["latency_ms", "accuracy", "feasible"]);
            csv.WriteRow(header.ToArray());
            foreach (StrategyCell cell in cells)
            {
                var row = new List<object?> { cell.Size, Math.Round(cell.Target, 6) };
                if (cell.Strategy is { } s)
                {
                    foreach (int count in s.Counts)
                    {
                        row.Add(count);
                    }
                    row.AddRange([s.EstimatedSeconds * 1000, s.Accuracy, "true"]);
                }
                else
                {
                    row.AddRange(Enumerable.Repeat<object?>(null, profile.Configurations.Count + 2));
                    row.Add("false");
                }
                csv.WriteRow(row.ToArray());
            }
        }
        output.Commit();
        int infeasible = cells.Count(c => c.Strategy is null);
        AnsiConsole.MarkupLine($"{cells.Count} cells ({cells.Max(c => c.Size)} sizes x {targets.Length} targets, {precision.ToName()}) solved by {solverName} in {seconds * 1000:0.0} ms; " +
            $"{infeasible} infeasible -> {Markup.Escape(outPath)}");
        return 0;
    }
}
