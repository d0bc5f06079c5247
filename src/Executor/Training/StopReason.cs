namespace Mosel.Executor.Training;

/// <summary>Why training stopped; written into the weights' metadata so that an under-trained model says so.</summary>
public enum StopReason
{
    /// <summary>Patience epochs passed without a better validation accuracy.</summary>
    Converged,

    /// <summary>The epoch limit (<c>--epochs</c>) was reached while validation accuracy could still improve.</summary>
    EpochLimit,

    /// <summary>The epoch that passed the time limit (<c>--minutes</c>) ended: training was cut short.</summary>
    TimeLimit,
}

/// <summary>How a stop reason is written in metadata and messages.</summary>
public static class StopReasonNames
{
    public static string Name(this StopReason reason) => reason switch
    {
        StopReason.Converged => "converged",
        StopReason.EpochLimit => "epoch limit",
        _ => "time limit",
    };
}
