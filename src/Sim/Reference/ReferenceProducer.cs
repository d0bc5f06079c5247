using Mosel.Sim.Workload;

namespace Mosel.Sim.Reference;

/// <summary>
/// The reference producer's output in creation order: the warm-up jobs (size 32, 2 s apart, ending where the load
/// starts at 0 s), then the arrival source. Each real job's submission is counted by the tracer when the gap after it
/// ends, that is when the next job is created (or when the offered window ends, for the last one).
/// </summary>
internal sealed class ReferenceProducer
{
    private readonly IArrivalSource _source;
    private readonly int _warmUps;
    private readonly int _warmUpSize;
    private int _warmUpsMade;
    private JobArrival _next;
    private bool _hasNext;

    public ReferenceProducer(IArrivalSource source, int warmUps, int warmUpSize)
    {
        _source = source;
        _warmUps = warmUps;
        _warmUpSize = warmUpSize;
        _hasNext = source.TryNext(out _next);
    }

    /// <summary>When the producer starts: the first warm-up, or 0 without warm-ups.</summary>
    public double StartSeconds => -_warmUps * ReferenceSettings.WarmUpSpacingSeconds;

    public bool Any => _warmUpsMade < _warmUps || _hasNext;

    /// <summary>Creation time of the next job; +infinity when there is none.</summary>
    public double NextSeconds => _warmUpsMade < _warmUps
        ? StartSeconds + (_warmUpsMade * ReferenceSettings.WarmUpSpacingSeconds)
        : _hasNext ? _next.ArrivalSeconds : double.PositiveInfinity;

    /// <summary>Takes the next job: a warm-up (whose target is the run's, as the reference producer draws one per run) or the next arrival.</summary>
    public (JobArrival Arrival, bool WarmUp, double CountedSeconds) Take()
    {
        if (_warmUpsMade < _warmUps)
        {
            double time = NextSeconds;
            _warmUpsMade++;
            double target = _hasNext ? _next.TargetAccuracy : 0;
            return (new JobArrival(time, _warmUpSize, target), true, time);
        }
        JobArrival arrival = _next;
        _hasNext = _source.TryNext(out _next);
        return (arrival, false, _hasNext ? _next.ArrivalSeconds : _source.EndSeconds);
    }
}
