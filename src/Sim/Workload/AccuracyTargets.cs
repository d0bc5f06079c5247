namespace Mosel.Sim.Workload;

/// <summary>
/// Accuracy targets drawn uniformly from [Min, Max]: once per run (every job shares it) or per job.
/// </summary>
public sealed class AccuracyTargets
{
    private readonly Random _random;
    private readonly double _runTarget;

    public AccuracyTargets(double min, double max, bool perJob, Random random)
    {
        if (!(min >= 0 && max <= 1 && min <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"accuracy targets need 0 <= min <= max <= 1, found [{min}, {max}]");
        }
        Min = min;
        Max = max;
        PerJob = perJob;
        _random = random;
        _runTarget = Draw();
    }

    public double Min { get; }

    public double Max { get; }

    public bool PerJob { get; }

    public double Next() => PerJob ? Draw() : _runTarget;

    private double Draw() => Min + ((Max - Min) * _random.NextDouble());
}
