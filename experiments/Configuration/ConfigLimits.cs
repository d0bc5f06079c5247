namespace Mosel.Experiments.Configuration;

/// <summary>Ranges every run on a 2-core, 24 GB machine can honour; docs/studies.md ("Writing a config") lists them.</summary>
public static class ConfigLimits
{
    public const int MaxWorkers = 1024;
    public const int MaxSeeds = 10_000;
    public const int MaxSweepPoints = 10_000;

    /// <summary>Runs in one study (points x policies x loads x seeds): a million 1-hour runs is weeks of one machine.</summary>
    public const int MaxRuns = 1_000_000;
    public const int MaxWarmUpJobs = 1_000;
    public const int MaxHysteresisPeriods = 1_000;
    public const int MaxSmoothSeconds = 86_400;
    public const double MaxMilliseconds = 1e9;
    public const double MinIntervalMs = 0.01;
    public const double MaxDecisionMs = 60_000;
    public const double MinResolutionUs = 0.1;
    public const double MaxResolutionUs = 1e6;
    public const double MaxNoiseCv = 10;
    public const double MinFactor = 0.01;
    public const double MaxFactor = 100;
    public const double MinWindowSeconds = 0.001;
    public const double MaxJobSizeMoment = 1e6;
}
