namespace Mosel.Sim.Metrics;

/// <summary>The headline numbers of one run. Definitions are in docs/metrics.md.</summary>
public sealed record RunSummary
{
    public required double OfferedSeconds { get; init; }

    public required double SimulatedEndSeconds { get; init; }

    public required long SubmittedJobs { get; init; }

    public required long SubmittedRequests { get; init; }

    public required long MetJobs { get; init; }

    public required long MetRequests { get; init; }

    public required long LateJobs { get; init; }

    public required long LateRequests { get; init; }

    public required long DroppedJobs { get; init; }

    public required long DroppedRequests { get; init; }

    public required long QueuedJobsAtEnd { get; init; }

    public required long QueuedRequestsAtEnd { get; init; }

    /// <summary>Goodput: requests of jobs that finished by their deadline, per second of offered load.</summary>
    public double ThroughputRps => OfferedSeconds <= 0 ? 0 : MetRequests / OfferedSeconds;

    /// <summary>The reference's throughput: requests the worker ran (met or late, not dropped), per second of offered load.</summary>
    public double ProcessedRps => OfferedSeconds <= 0 ? 0 : (MetRequests + LateRequests) / OfferedSeconds;

    /// <summary>Share of submitted requests whose job did not finish by its deadline (late, dropped or never run).</summary>
    public double ViolationRatio => SubmittedRequests == 0 ? 0 : 1 - ((double)MetRequests / SubmittedRequests);

    /// <summary>Mean over this run's windows with submissions of 1 - min(1, met / submitted): the window form, by deadline.</summary>
    public required double WindowViolationRatioMet { get; init; }

    /// <summary>The reference tracer's value exactly (<see cref="ReferenceTracer"/>): by requests processed, not met.</summary>
    public required double WindowViolationRatioRef { get; init; }

    public required double JctMeanSeconds { get; init; }

    public required double JctP50Seconds { get; init; }

    public required double JctP99Seconds { get; init; }

    /// <summary>Mean served accuracy over every finished (met or late) request.</summary>
    public required double MeanServedAccuracy { get; init; }

    /// <summary>Share of finished jobs whose served accuracy is at least their target.</summary>
    public required double ShareJobsMeetingTarget { get; init; }

    /// <summary>Finished requests whose prediction the executor scored against a label (torch runs with a labelled dataset); 0 otherwise.</summary>
    public required long ScoredRequests { get; init; }

    /// <summary>Right predictions over scored requests; NaN when none was scored.</summary>
    public required double MeasuredServedAccuracy { get; init; }

    /// <summary>The spread sampling alone gives <see cref="MeasuredServedAccuracy"/>: its standard deviation if each request were right with its configuration's profiled accuracy.</summary>
    public required double MeasuredServedAccuracySd { get; init; }

    /// <summary>Share of scored jobs whose measured accuracy (right / size) is at least their target.</summary>
    public required double ShareJobsMeetingTargetMeasured { get; init; }

    /// <summary>The share of scored jobs that would measure at or above their target if the profile were exactly right (a Poisson-binomial tail per job).</summary>
    public required double ShareJobsMeetingTargetExpected { get; init; }

    /// <summary>The standard deviation of the measured share under the same assumption.</summary>
    public required double ShareJobsMeetingTargetExpectedSd { get; init; }

    public required IReadOnlyList<long> FinishedRequestsPerConfiguration { get; init; }

    public required long Decisions { get; init; }

    public required IReadOnlyDictionary<string, long> DecisionsByPath { get; init; }

    public required double DecisionWallP50Seconds { get; init; }

    public required double DecisionWallP99Seconds { get; init; }

    public required double DecisionChargedSeconds { get; init; }

    /// <summary>submitted = met + late + dropped + still queued, for jobs and for requests.</summary>
    public bool ConservationHolds =>
        SubmittedJobs == MetJobs + LateJobs + DroppedJobs + QueuedJobsAtEnd &&
        SubmittedRequests == MetRequests + LateRequests + DroppedRequests + QueuedRequestsAtEnd;
}
