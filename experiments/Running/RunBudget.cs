using System.Globalization;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Sim.Reference;
using Mosel.Sim.Workload;

namespace Mosel.Experiments.Running;

/// <summary>
/// Refuses, before anything runs, an experiment whose largest run would never end on one machine: its
/// expected events (arrivals, monitor ticks, metric windows) are estimated from the config and compared
/// with a limit the user can raise (--max-events) or lift (--force).
/// </summary>
public sealed record RunBudget(double MaxEvents, bool Force)
{
    /// <summary>About ten minutes of the fastest policy on one core; the 22-day Twitter trace is ~1.2e8.</summary>
    public const double DefaultMaxEvents = 1e9;

    public static RunBudget Default { get; } = new(DefaultMaxEvents, Force: false);

    public void Check(ExperimentConfig experiment)
    {
        if (Force)
        {
            return;
        }
        foreach (double? load in experiment.Loads)
        {
            double events = EventsPerRun(experiment, load);
            if (!(events <= MaxEvents))
            {
                string at = load is double q ? string.Create(CultureInfo.InvariantCulture, $" at {q:0.###} req/s") : "";
                throw new ConfigException(string.Create(CultureInfo.InvariantCulture,
                    $"{experiment.SourcePath}: a run{at} would take about {events:0.##e0} events (arrivals, monitor ticks and metric windows), " +
                    $"more than the limit of {MaxEvents:0.##e0}; shorten or slow the workload, raise --max-events, or pass --force"));
            }
        }
    }

    /// <summary>
    /// Expected events of each of the study's runs, by position in <see cref="Study.Runs"/>: computed once per sweep point
    /// and load (for a trace it reshapes the whole trace), shared by the runs there.
    /// </summary>
    public static double[] EventsPerRun(Study study)
    {
        var byPointAndLoad = new Dictionary<(int Point, double? Load), double>();
        return study.Runs.Select(r =>
        {
            if (!byPointAndLoad.TryGetValue((r.Point.Index, r.LoadQps), out double events))
            {
                events = EventsPerRun(study.ConfigOf(r), r.LoadQps);
                byPointAndLoad[(r.Point.Index, r.LoadQps)] = events;
            }
            return events;
        }).ToArray();
    }

    /// <summary>Expected events of one run: requests (an upper bound on jobs), monitor ticks or iterations and metric windows.</summary>
    public static double EventsPerRun(ExperimentConfig experiment, double? load)
    {
        double seconds;
        double requests;
        if (experiment.Arrivals is ArrivalKind.Poisson or ArrivalKind.Fixed)
        {
            seconds = experiment.SweepDurationSeconds;
            requests = load!.Value * seconds;
        }
        else
        {
            TraceShape shape = load is double qps ? experiment.Shape with { Rescale = experiment.LoadScaling, TargetQps = qps } : experiment.Shape;
            double[] rates = shape.Apply(experiment.Trace!);
            seconds = rates.Length;
            requests = rates.Sum();
        }
        double monitor = experiment.Reference is { } reference
            // The reference monitor iterates at least every cost + 0.2 ms while there is work (quiet stretches are skipped).
            ? seconds / (Math.Min(reference.MaximizeLoopSeconds, reference.NoPolicyLoopSeconds) + ReferenceSettings.NoPolicySleepFloorSeconds)
            : experiment.Settings.MonitorIntervalSeconds > 0 ? seconds / experiment.Settings.MonitorIntervalSeconds : 0;
        // Windows run until the last job finishes, which may be long after the last arrival: at worst every request is served
        // alone at the profile's slowest per-request cost, one after another on each worker.
        double drain = requests * SlowestSecondsPerRequest(experiment) / experiment.Settings.Workers;
        double windows = (seconds + drain) / experiment.Settings.WindowSeconds;
        return requests + monitor + windows;
    }

    /// <summary>The profile's largest latency per request: the smallest batch of any table, at any precision.</summary>
    private static double SlowestSecondsPerRequest(ExperimentConfig experiment)
    {
        var profile = experiment.Profile;
        return profile.Precisions
            .SelectMany(p => Enumerable.Range(0, profile.Configurations.Count).Select(c => profile.Table(p, c)))
            .Max(t => t.LatencyMs[0] / 1000 / t.BatchSizes[0]);
    }
}
