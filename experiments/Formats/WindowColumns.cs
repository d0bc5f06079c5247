namespace Mosel.Experiments.Formats;

/// <summary>The columns of windows.csv after the run's own (<see cref="ResultColumns"/>): named once for its writer and its readers.</summary>
public static class WindowColumns
{
    public const string Start = "window_start_s";

    public const string Submitted = "submitted_requests";

    public const string Met = "met_requests";

    public const string Late = "late_requests";

    public const string Dropped = "dropped_requests";

    public const string MeanServedAccuracy = "mean_served_accuracy";

    public const string QueueLength = "queue_length";

    public const string ViolationRatioMet = "violation_ratio_met";
}
